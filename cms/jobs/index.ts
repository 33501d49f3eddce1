import type { JobsConfig } from 'payload'
import { petitionTasks } from './petitions'
import { rebuildTasks } from './rebuild'

/** Every background task, in one Payload jobs config. */
export const jobs: JobsConfig = {
  tasks: [...rebuildTasks, ...petitionTasks],
}
