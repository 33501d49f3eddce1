/**
 * Peak resident memory of this process (the CMS side of a build: planning, share images, carry
 * over, check, precompress, offline) per build step, sampled, since the render's child process is
 * measured apart (SiteBuildResult.peakRss). Pass `onStep` to buildSite.
 */
export type StepPeaks = {
  /** buildSite's onStep: later samples count towards this step. */
  onStep: (step: string) => void
  /** The peak per step in bytes, and over all steps; sampling stops. */
  stop: () => { steps: Record<string, number>; all: number }
}

/** Samples this process's RSS every `everyMs` ms (and at each step change) until stop(). */
export const trackStepPeaks = (everyMs = 100): StepPeaks => {
  const steps: Record<string, number> = {}
  let current = 'plan'
  const sample = () => {
    steps[current] = Math.max(steps[current] ?? 0, process.memoryUsage.rss())
  }
  const timer = setInterval(sample, everyMs)
  sample()
  return {
    onStep: (step) => {
      sample()
      current = step
    },
    stop: () => {
      sample()
      clearInterval(timer)
      return { steps, all: Math.max(...Object.values(steps)) }
    },
  }
}
