/**
 * The bare baseline for the signatures bench: a plain node:http server doing the least the design
 * needs to take a signature, so our sign endpoint can be measured against it in the same run.
 * Parse and check the JSON, canonicalise the email, make and hash a token, insert in 5 ms batches
 * (INSERT … ON CONFLICT DO NOTHING on a unique (petition, email) index, via @libsql/client), append
 * the confirmation email to an mbox file, answer 202. A repeat (already signed) answers 202 too,
 * and sends nothing. GET /rows answers the number of stored rows (for the no-loss check).
 *
 * Run: `npx tsx scripts/bench/signatures/bareSign.ts` with BARE_DIR (its own folder: bench.db and
 * outbox.mbox are made there), PORT (0: any) and HOST; it prints "listening on <url>".
 */
import { createClient, type InStatement } from '@libsql/client'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { canonicalEmail } from '../../../cms/members/canonicalEmail'

const dir = process.env.BARE_DIR
if (!dir)
  throw new Error(
    'BARE_DIR is not set: give the bare sign server a folder of its own (its database and mbox go there).',
  )
const BATCH_MS = 5
const BATCH_ROWS = 200
const MAX_BODY = 16 * 1024
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/

const db = createClient({ url: `file:${path.join(dir, 'bench.db')}` })
await db.execute('PRAGMA journal_mode = WAL')
await db.execute('PRAGMA busy_timeout = 5000')
await db.execute(`CREATE TABLE IF NOT EXISTS signatures (
  id INTEGER PRIMARY KEY, petition INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL,
  email_canonical TEXT NOT NULL, postcode TEXT, confirm_token_hash TEXT NOT NULL, created_at TEXT NOT NULL)`)
await db.execute(
  'CREATE UNIQUE INDEX IF NOT EXISTS signatures_petition_email ON signatures (petition, email_canonical)',
)

const mbox = createWriteStream(path.join(dir, 'outbox.mbox'), { flags: 'a' })
const appendEmail = (to: string, token: string) =>
  new Promise<void>((resolve, reject) => {
    const text = `From bench@localhost ${new Date().toUTCString()}\nFrom: petitions@localhost\nTo: ${to}\nSubject: Confirm your signature\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nConfirm your signature: http://localhost/confirm/${token}\n\n`
    mbox.write(text, (error) => (error ? reject(error) : resolve()))
  })

type Row = { name: string; email: string; canonical: string; postcode: string | null; hash: string }
type Waiting = { row: Row; resolve: (isNew: boolean) => void; reject: (e: Error) => void }
let queue: Waiting[] = []
let timer: NodeJS.Timeout | null = null

/** Writes the queued rows in one statement; each waiter learns whether its row was new. */
const flush = async () => {
  if (timer) clearTimeout(timer)
  timer = null
  const batch = queue
  queue = []
  if (batch.length === 0) return
  const now = new Date().toISOString()
  const statement: InStatement = {
    sql: `INSERT INTO signatures (petition, name, email, email_canonical, postcode, confirm_token_hash, created_at) VALUES ${batch.map(() => '(1, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING RETURNING confirm_token_hash`,
    args: batch.flatMap(({ row }) => [row.name, row.email, row.canonical, row.postcode, row.hash, now]),
  }
  try {
    const [result] = await db.batch([statement], 'write')
    const inserted = new Set(result.rows.map((r) => r.confirm_token_hash as string))
    for (const w of batch) w.resolve(inserted.has(w.row.hash))
  } catch (error) {
    for (const w of batch) w.reject(error as Error)
  }
}
const insert = (row: Row) =>
  new Promise<boolean>((resolve, reject) => {
    queue.push({ row, resolve, reject })
    if (queue.length >= BATCH_ROWS) void flush()
    else timer ??= setTimeout(() => void flush(), BATCH_MS)
  })

const readBody = (req: http.IncomingMessage) =>
  new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

/** The minimal check: a name and an email that look right; a postcode, if any, a short string. */
const checked = (raw: unknown): Row | null => {
  const b = raw as Record<string, unknown> | null
  if (!b || typeof b !== 'object') return null
  const { name, email, postcode } = b
  if (typeof name !== 'string' || !name.trim() || name.length > 100) return null
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email.trim())) return null
  if (postcode !== undefined && (typeof postcode !== 'string' || postcode.length > 10)) return null
  return {
    name: name.trim(),
    email: email.trim(),
    canonical: canonicalEmail(email),
    postcode: postcode || null,
    hash: '',
  }
}

const answer = (res: http.ServerResponse, status: number, body: string) => {
  res
    .writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) })
    .end(body)
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/rows') {
      await flush()
      const { rows } = await db.execute('SELECT count(*) AS n FROM signatures')
      return answer(res, 200, JSON.stringify({ rows: Number(rows[0].n) }))
    }
    if (req.method !== 'POST') return answer(res, 405, '{"error":"POST a signature."}')
    const text = await readBody(req)
    if (text === null) return answer(res, 413, '{"error":"Request body too large."}')
    let row: Row | null = null
    try {
      row = checked(JSON.parse(text))
    } catch {
      row = null
    }
    if (!row) return answer(res, 400, '{"error":"Send a name and an email."}')
    const token = randomBytes(32).toString('base64url')
    row.hash = createHash('sha256').update(token).digest('base64url')
    if (await insert(row)) await appendEmail(row.email, token)
    answer(res, 202, '{"status":"sent"}')
  } catch (error) {
    console.error('bare sign server:', error)
    if (!res.headersSent) answer(res, 500, '{"error":"Something went wrong."}')
  }
})

server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo
  console.log(`bare sign server listening on http://${address}:${port}`)
})
const stop = () => {
  server.close()
  void flush().finally(() => mbox.end(() => process.exit(0)))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
