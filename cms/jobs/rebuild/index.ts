import type { TaskConfig } from 'payload'

/** Tasks of the site rebuild queue (see the rebuild issue). */
export const rebuildTasks: TaskConfig[] = []
