/** Runs `fn` once the next frame has been painted: work that can wait (loading summaries) stays out of the way of the results. */
export const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0))
