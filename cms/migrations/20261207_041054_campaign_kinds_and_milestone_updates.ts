import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`petitions\` ADD \`kind\` text DEFAULT 'petition';`)
  await db.run(sql`ALTER TABLE \`petitions\` ADD \`letter\` text;`)
  await db.run(sql`ALTER TABLE \`petitions\` ADD \`tell_supporters_at_milestones\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`petition_proposals\` ADD \`kind\` text DEFAULT 'petition';`)
  await db.run(sql`ALTER TABLE \`signatures\` ADD \`role\` text;`)
  await db.run(sql`ALTER TABLE \`supporter_updates\` ADD \`milestone_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`supporter_updates_milestone_key_idx\` ON \`supporter_updates\` (\`milestone_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`supporter_updates_milestone_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`supporter_updates\` DROP COLUMN \`milestone_key\`;`)
  await db.run(sql`ALTER TABLE \`petitions\` DROP COLUMN \`kind\`;`)
  await db.run(sql`ALTER TABLE \`petitions\` DROP COLUMN \`letter\`;`)
  await db.run(sql`ALTER TABLE \`petitions\` DROP COLUMN \`tell_supporters_at_milestones\`;`)
  await db.run(sql`ALTER TABLE \`petition_proposals\` DROP COLUMN \`kind\`;`)
  await db.run(sql`ALTER TABLE \`signatures\` DROP COLUMN \`role\`;`)
}
