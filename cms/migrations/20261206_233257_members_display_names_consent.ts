import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`members_display_names\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`network_id\` integer,
  	\`name\` text NOT NULL,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`members_display_names_order_idx\` ON \`members_display_names\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`members_display_names_parent_id_idx\` ON \`members_display_names\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`members_display_names_network_idx\` ON \`members_display_names\` (\`network_id\`);`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`consent_union_interest_version\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`consent_union_interest_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`members_display_names\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`consent_union_interest_version\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`consent_union_interest_at\`;`)
}
