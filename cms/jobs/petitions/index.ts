import type { TaskConfig } from 'payload'

/** Tasks for sign-ups and petitions: count roll-up, retention (see the petitions issue). */
export const petitionTasks: TaskConfig[] = []
