import { pino, type Logger } from 'pino'
import pretty from 'pino-pretty'

/**
 * Payload's logger at LOG_LEVEL (default info). With NODE_ENV=production it writes one JSON object
 * a line, for a log collector to parse; otherwise the readable, coloured lines of pino-pretty.
 * `destination` is for tests; by default both write to standard output.
 */
export const createLogger = (
  env: NodeJS.ProcessEnv = process.env,
  destination?: NodeJS.WritableStream,
): Logger => {
  const options = { name: 'payload', level: env.LOG_LEVEL || 'info' }
  if (env.NODE_ENV === 'production') return destination ? pino(options, destination) : pino(options)
  return pino(
    options,
    pretty({
      colorize: !destination,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
      ...(destination ? { destination } : {}),
    }),
  )
}
