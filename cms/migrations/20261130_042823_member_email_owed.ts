import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`members\` ADD \`confirm_email_state\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`confirm_email_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`confirm_email_next_at\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`confirm_email_error\` text;`)
  await db.run(sql`CREATE INDEX \`members_confirm_email_state_idx\` ON \`members\` (\`confirm_email_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`members_confirm_email_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`confirm_email_state\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`confirm_email_attempts\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`confirm_email_next_at\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`confirm_email_error\`;`)
}
