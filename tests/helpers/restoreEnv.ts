/**
 * Puts process.env back as it was when a test file started, once the file is done. Files in a
 * project without isolation share one process (vitest.config.ts); a file that sets a setting for
 * its own CMS (SITE_URL, a rate limit, a job's schedule) must not hand it to the next file.
 */
import { afterAll } from 'vitest'

const before = { ...process.env }

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key]
  Object.assign(process.env, before)
})
