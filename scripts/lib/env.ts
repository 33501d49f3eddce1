import { existsSync } from 'node:fs'
import path from 'node:path'

/** Loads .env from the project root if present (Node's own loader); real environment variables win. */
export const loadDotEnv = (root = process.cwd()): void => {
  const file = path.join(root, '.env')
  if (existsSync(file)) process.loadEnvFile(file)
}
