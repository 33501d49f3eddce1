import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_moderation_actions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`message_id\` integer,
  	\`report_id\` integer,
  	\`member_id\` integer,
  	\`network_id\` integer,
  	\`reason\` text NOT NULL,
  	\`muted_until\` text,
  	\`message_key\` text,
  	\`actor_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`message_reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_moderation_actions\`("id", "action", "message_id", "report_id", "member_id", "network_id", "reason", "muted_until", "message_key", "actor_id", "updated_at", "created_at") SELECT "id", "action", CAST("message_id" AS INTEGER), "report_id", "member_id", "network_id", "reason", "muted_until", NULL, "actor_id", "updated_at", "created_at" FROM \`moderation_actions\`;`)
  await db.run(sql`DROP TABLE \`moderation_actions\`;`)
  await db.run(sql`ALTER TABLE \`__new_moderation_actions\` RENAME TO \`moderation_actions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`moderation_actions_message_idx\` ON \`moderation_actions\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_report_idx\` ON \`moderation_actions\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_member_idx\` ON \`moderation_actions\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_network_idx\` ON \`moderation_actions\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_actor_idx\` ON \`moderation_actions\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_updated_at_idx\` ON \`moderation_actions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_created_at_idx\` ON \`moderation_actions\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_moderation_actions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`message_id\` text,
  	\`report_id\` integer,
  	\`member_id\` integer,
  	\`network_id\` integer,
  	\`reason\` text NOT NULL,
  	\`muted_until\` text,
  	\`actor_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`message_reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_moderation_actions\`("id", "action", "message_id", "report_id", "member_id", "network_id", "reason", "muted_until", "actor_id", "updated_at", "created_at") SELECT "id", "action", "message_id", "report_id", "member_id", "network_id", "reason", "muted_until", "actor_id", "updated_at", "created_at" FROM \`moderation_actions\`;`)
  await db.run(sql`DROP TABLE \`moderation_actions\`;`)
  await db.run(sql`ALTER TABLE \`__new_moderation_actions\` RENAME TO \`moderation_actions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`moderation_actions_message_idx\` ON \`moderation_actions\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_report_idx\` ON \`moderation_actions\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_member_idx\` ON \`moderation_actions\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_network_idx\` ON \`moderation_actions\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_actor_idx\` ON \`moderation_actions\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_updated_at_idx\` ON \`moderation_actions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_created_at_idx\` ON \`moderation_actions\` (\`created_at\`);`)
}
