/**
 * What a production deployment must have set before it serves anyone. "Production" is a deployment
 * as the README describes it: an https CMS_URL, or DEPLOYMENT=production set by the operator. The
 * local `npm start` with no settings is never production, so a fresh clone keeps working offline
 * (the outbox for email, a generated first admin password).
 */

/** Settings as in process.env. */
export type Env = Record<string, string | undefined>

/** The one value of DEPLOYMENT we read; anything else is refused so a typo cannot skip the checks. */
export const PRODUCTION = 'production'

/** Whether this is a production deployment: CMS_URL is https, or DEPLOYMENT=production. */
export const isProductionDeployment = (env: Env = process.env): boolean =>
  /^https:\/\//i.test(env.CMS_URL?.trim() ?? '') || env.DEPLOYMENT?.trim() === PRODUCTION

/**
 * Throws an Error saying what to set when this deployment is not ready to serve: in production,
 * email must go through Resend (RESEND_API_KEY) unless EMAIL_OUTBOX=true says the outbox on disk
 * is wanted (it holds live confirm links), and an empty database needs ADMIN_EMAIL for its first
 * admin (never a generated password printed to a log). `userCount` is the users in the database;
 * without it the admin check is skipped (a server started after set-up has its admin).
 * @example assertDeploymentReady(process.env, { userCount: (await payload.count({ collection: 'users' })).totalDocs })
 */
export const assertDeploymentReady = (
  env: Env = process.env,
  { userCount }: { userCount?: number } = {},
): void => {
  const deployment = env.DEPLOYMENT?.trim()
  if (deployment && deployment !== PRODUCTION) {
    throw new Error(
      `DEPLOYMENT is "${deployment}": set DEPLOYMENT=${PRODUCTION} for a production deployment, or leave it empty.`,
    )
  }
  if (!isProductionDeployment(env)) return
  const why =
    env.DEPLOYMENT?.trim() === PRODUCTION
      ? 'DEPLOYMENT=production'
      : `CMS_URL is https (${env.CMS_URL?.trim()})`
  const problems: string[] = []
  if (!env.RESEND_API_KEY?.trim() && env.EMAIL_OUTBOX?.trim() !== 'true') {
    problems.push(
      'RESEND_API_KEY is not set, so email would go to the outbox on disk, confirm links and all. Set RESEND_API_KEY (and EMAIL_FROM_ADDRESS), or set EMAIL_OUTBOX=true if the outbox really is wanted.',
    )
  }
  if (userCount === 0 && (!env.ADMIN_EMAIL?.trim() || (env.ADMIN_PASSWORD ?? '').length < 12)) {
    problems.push(
      'the database has no users and ADMIN_EMAIL or ADMIN_PASSWORD (at least 12 characters) is not set. Set both for the first admin: a generated password would be printed to the log.',
    )
  }
  if (problems.length > 0)
    throw new Error(`This is a production deployment (${why}), but ${problems.join(' Also, ')}`)
}
