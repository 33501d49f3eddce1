import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`summary\` text,
  	\`topic_id\` integer,
  	\`nation\` text NOT NULL,
  	\`employment_status\` text NOT NULL,
  	\`what_happened\` text,
  	\`from_guide\` text,
  	\`state\` text DEFAULT 'open' NOT NULL,
  	\`adviser_id\` integer,
  	\`claimed_at\` text,
  	\`closed_at\` text,
  	\`expected_reply_by\` text,
  	\`reply\` text,
  	\`notify_due_at\` text,
  	\`asker_id\` integer,
  	\`notify_email\` text,
  	\`reply_token_hash\` text,
  	\`anonymised_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`adviser_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`asker_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_questions\`("id", "summary", "topic_id", "nation", "employment_status", "what_happened", "from_guide", "state", "adviser_id", "claimed_at", "closed_at", "expected_reply_by", "asker_id", "notify_email", "reply_token_hash", "anonymised_at", "updated_at", "created_at") SELECT "id", "summary", "topic_id", "nation", "employment_status", "what_happened", "from_guide", "state", "adviser_id", "claimed_at", "closed_at", "expected_reply_by", "asker_id", "notify_email", "reply_token_hash", "anonymised_at", "updated_at", "created_at" FROM \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_questions\` RENAME TO \`questions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`questions_topic_idx\` ON \`questions\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_nation_idx\` ON \`questions\` (\`nation\`);`)
  await db.run(sql`CREATE INDEX \`questions_state_idx\` ON \`questions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`questions_adviser_idx\` ON \`questions\` (\`adviser_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_closed_at_idx\` ON \`questions\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_notify_due_at_idx\` ON \`questions\` (\`notify_due_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_asker_idx\` ON \`questions\` (\`asker_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_reply_token_hash_idx\` ON \`questions\` (\`reply_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`summary\` text,
  	\`topic_id\` integer,
  	\`nation\` text NOT NULL,
  	\`employment_status\` text NOT NULL,
  	\`what_happened\` text NOT NULL,
  	\`from_guide\` text,
  	\`state\` text DEFAULT 'open' NOT NULL,
  	\`adviser_id\` integer,
  	\`claimed_at\` text,
  	\`closed_at\` text,
  	\`expected_reply_by\` text,
  	\`asker_id\` integer,
  	\`notify_email\` text,
  	\`reply_token_hash\` text,
  	\`anonymised_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`adviser_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`asker_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_questions\`("id", "summary", "topic_id", "nation", "employment_status", "what_happened", "from_guide", "state", "adviser_id", "claimed_at", "closed_at", "expected_reply_by", "asker_id", "notify_email", "reply_token_hash", "anonymised_at", "updated_at", "created_at") SELECT "id", "summary", "topic_id", "nation", "employment_status", "what_happened", "from_guide", "state", "adviser_id", "claimed_at", "closed_at", "expected_reply_by", "asker_id", "notify_email", "reply_token_hash", "anonymised_at", "updated_at", "created_at" FROM \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_questions\` RENAME TO \`questions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`questions_topic_idx\` ON \`questions\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_nation_idx\` ON \`questions\` (\`nation\`);`)
  await db.run(sql`CREATE INDEX \`questions_state_idx\` ON \`questions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`questions_adviser_idx\` ON \`questions\` (\`adviser_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_closed_at_idx\` ON \`questions\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_asker_idx\` ON \`questions\` (\`asker_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_reply_token_hash_idx\` ON \`questions\` (\`reply_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
}
