import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`signatures\` ADD \`consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`confirmations_sent\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`signatures\` DROP COLUMN \`consent_version\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`confirmations_sent\`;`)
}
