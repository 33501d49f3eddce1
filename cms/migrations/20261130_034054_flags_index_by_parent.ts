import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`signatures_texts_parent_idx\` ON \`signatures_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`members_texts_parent_idx\` ON \`members_texts\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`signatures_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`members_texts_parent_idx\`;`)
}
