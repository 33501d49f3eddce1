import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`rate_limits\` (
  	\`key\` text PRIMARY KEY NOT NULL,
  	\`points\` integer NOT NULL,
  	\`expire\` integer
  );
  `)
  await db.run(sql`ALTER TABLE \`signatures\` ADD \`pending_since\` text;`)
  await db.run(sql`CREATE INDEX \`signatures_pending_since_idx\` ON \`signatures\` (\`pending_since\`);`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`pending_since\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`pending_changes\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`unsubscribed_at\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`last_active_at\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`retention_asked_at\` text;`)
  await db.run(sql`CREATE INDEX \`members_pending_since_idx\` ON \`members\` (\`pending_since\`);`)
  await db.run(sql`CREATE INDEX \`members_unsubscribed_at_idx\` ON \`members\` (\`unsubscribed_at\`);`)
  await db.run(sql`CREATE INDEX \`members_last_active_at_idx\` ON \`members\` (\`last_active_at\`);`)
  await db.run(sql`CREATE INDEX \`members_retention_asked_at_idx\` ON \`members\` (\`retention_asked_at\`);`)
  await db.run(sql`ALTER TABLE \`site_builds\` ADD \`purge_older\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`rate_limits\`;`)
  await db.run(sql`DROP INDEX \`signatures_pending_since_idx\`;`)
  await db.run(sql`ALTER TABLE \`signatures\` DROP COLUMN \`pending_since\`;`)
  await db.run(sql`DROP INDEX \`members_pending_since_idx\`;`)
  await db.run(sql`DROP INDEX \`members_unsubscribed_at_idx\`;`)
  await db.run(sql`DROP INDEX \`members_last_active_at_idx\`;`)
  await db.run(sql`DROP INDEX \`members_retention_asked_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`pending_since\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`pending_changes\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`unsubscribed_at\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`last_active_at\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`retention_asked_at\`;`)
  await db.run(sql`ALTER TABLE \`site_builds\` DROP COLUMN \`purge_older\`;`)
}
