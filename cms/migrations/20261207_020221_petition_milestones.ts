import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`petitions_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`what_happens\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`petitions_milestones_order_idx\` ON \`petitions_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_milestones_parent_id_idx\` ON \`petitions_milestones\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`petitions\` ADD \`milestones_reached\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`petitions_milestones\`;`)
  await db.run(sql`ALTER TABLE \`petitions\` DROP COLUMN \`milestones_reached\`;`)
}
