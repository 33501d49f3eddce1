import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`networks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`networks_rels_order_idx\` ON \`networks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`networks_rels_parent_idx\` ON \`networks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`networks_rels_path_idx\` ON \`networks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`networks_rels_users_id_idx\` ON \`networks_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`threads\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`network_id\` integer NOT NULL,
  	\`title\` text NOT NULL,
  	\`author_id\` integer,
  	\`author_name\` text NOT NULL,
  	\`message_count\` numeric DEFAULT 0,
  	\`last_message_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`threads_network_idx\` ON \`threads\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`threads_author_idx\` ON \`threads\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`threads_last_message_at_idx\` ON \`threads\` (\`last_message_at\`);`)
  await db.run(sql`CREATE INDEX \`threads_updated_at_idx\` ON \`threads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`threads_created_at_idx\` ON \`threads\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`network_lastMessageAt_idx\` ON \`threads\` (\`network_id\`,\`last_message_at\`);`)
  await db.run(sql`CREATE TABLE \`messages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`thread_id\` integer NOT NULL,
  	\`network_id\` integer NOT NULL,
  	\`author_id\` integer,
  	\`author_name\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`state\` text DEFAULT 'visible' NOT NULL,
  	\`hidden_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`thread_id\`) REFERENCES \`threads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`messages_thread_idx\` ON \`messages\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`messages_network_idx\` ON \`messages\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`messages_author_idx\` ON \`messages\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`messages_state_idx\` ON \`messages\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`messages_updated_at_idx\` ON \`messages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`messages_created_at_idx\` ON \`messages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`thread_createdAt_idx\` ON \`messages\` (\`thread_id\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`message_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`message_id\` integer NOT NULL,
  	\`network_id\` integer NOT NULL,
  	\`reporter_id\` integer,
  	\`reason\` text NOT NULL,
  	\`note\` text,
  	\`state\` text DEFAULT 'open' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`network_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporter_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`message_reports_message_idx\` ON \`message_reports\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`message_reports_network_idx\` ON \`message_reports\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`message_reports_reporter_idx\` ON \`message_reports\` (\`reporter_id\`);`)
  await db.run(sql`CREATE INDEX \`message_reports_state_idx\` ON \`message_reports\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`message_reports_updated_at_idx\` ON \`message_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`message_reports_created_at_idx\` ON \`message_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`moderation_actions\` (
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
  await db.run(sql`CREATE INDEX \`moderation_actions_message_idx\` ON \`moderation_actions\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_report_idx\` ON \`moderation_actions\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_member_idx\` ON \`moderation_actions\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_network_idx\` ON \`moderation_actions\` (\`network_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_actor_idx\` ON \`moderation_actions\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_updated_at_idx\` ON \`moderation_actions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`moderation_actions_created_at_idx\` ON \`moderation_actions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`thread_follows\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`thread_id\` integer NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`notified_at\` text,
  	\`seen_up_to\` text,
  	\`unfollow_token_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`thread_id\`) REFERENCES \`threads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`thread_follows_thread_idx\` ON \`thread_follows\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`thread_follows_member_idx\` ON \`thread_follows\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`thread_follows_notified_at_idx\` ON \`thread_follows\` (\`notified_at\`);`)
  await db.run(sql`CREATE INDEX \`thread_follows_unfollow_token_hash_idx\` ON \`thread_follows\` (\`unfollow_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`thread_follows_updated_at_idx\` ON \`thread_follows\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`thread_follows_created_at_idx\` ON \`thread_follows\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`thread_member_idx\` ON \`thread_follows\` (\`thread_id\`,\`member_id\`);`)
  await db.run(sql`CREATE TABLE \`conversation_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`network\` text NOT NULL,
  	\`thread\` text,
  	\`message\` text,
  	\`member\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`conversation_events_network_idx\` ON \`conversation_events\` (\`network\`);`)
  await db.run(sql`CREATE INDEX \`conversation_events_thread_idx\` ON \`conversation_events\` (\`thread\`);`)
  await db.run(sql`CREATE INDEX \`conversation_events_updated_at_idx\` ON \`conversation_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`conversation_events_created_at_idx\` ON \`conversation_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`questions_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`adviser_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`adviser_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_entries_order_idx\` ON \`questions_entries\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`questions_entries_parent_id_idx\` ON \`questions_entries\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_entries_adviser_idx\` ON \`questions_entries\` (\`adviser_id\`);`)
  await db.run(sql`CREATE TABLE \`questions\` (
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
  await db.run(sql`CREATE INDEX \`questions_topic_idx\` ON \`questions\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_nation_idx\` ON \`questions\` (\`nation\`);`)
  await db.run(sql`CREATE INDEX \`questions_state_idx\` ON \`questions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`questions_adviser_idx\` ON \`questions\` (\`adviser_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_closed_at_idx\` ON \`questions\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_asker_idx\` ON \`questions\` (\`asker_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_reply_token_hash_idx\` ON \`questions\` (\`reply_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`questions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`guides_id\` integer,
  	\`templates_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`templates_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_rels_order_idx\` ON \`questions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_parent_idx\` ON \`questions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_path_idx\` ON \`questions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_guides_id_idx\` ON \`questions_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_templates_id_idx\` ON \`questions_rels\` (\`templates_id\`);`)
  await db.run(sql`ALTER TABLE \`networks\` ADD \`message_retention\` text DEFAULT '90';`)
  await db.run(sql`ALTER TABLE \`networks\` ADD \`require_approval\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`networks\` ADD \`guidelines\` text;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` ADD \`guidelines_accepted_at\` text;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` ADD \`muted_until\` text;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` ADD \`show_name_to_organisers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`threads_id\` integer REFERENCES threads(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`messages_id\` integer REFERENCES messages(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`message_reports_id\` integer REFERENCES message_reports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`moderation_actions_id\` integer REFERENCES moderation_actions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`thread_follows_id\` integer REFERENCES thread_follows(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`conversation_events_id\` integer REFERENCES conversation_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`questions_id\` integer REFERENCES questions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_threads_id_idx\` ON \`payload_locked_documents_rels\` (\`threads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_message_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`message_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_moderation_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`moderation_actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_thread_follows_id_idx\` ON \`payload_locked_documents_rels\` (\`thread_follows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conversation_events_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`networks_rels\`;`)
  await db.run(sql`DROP TABLE \`threads\`;`)
  await db.run(sql`DROP TABLE \`messages\`;`)
  await db.run(sql`DROP TABLE \`message_reports\`;`)
  await db.run(sql`DROP TABLE \`moderation_actions\`;`)
  await db.run(sql`DROP TABLE \`thread_follows\`;`)
  await db.run(sql`DROP TABLE \`conversation_events\`;`)
  await db.run(sql`DROP TABLE \`questions_entries\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`guides_id\` integer,
  	\`templates_id\` integer,
  	\`topics_id\` integer,
  	\`media_id\` integer,
  	\`training_sessions_id\` integer,
  	\`networks_id\` integer,
  	\`petitions_id\` integer,
  	\`unions_id\` integer,
  	\`signatures_id\` integer,
  	\`members_id\` integer,
  	\`registrations_id\` integer,
  	\`site_builds_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`templates_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`training_sessions_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`networks_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`petitions_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unions_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signatures_id\`) REFERENCES \`signatures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "unions_id", "signatures_id", "members_id", "registrations_id", "site_builds_id", "users_id") SELECT "id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "unions_id", "signatures_id", "members_id", "registrations_id", "site_builds_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_training_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`training_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_networks_id_idx\` ON \`payload_locked_documents_rels\` (\`networks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_petitions_id_idx\` ON \`payload_locked_documents_rels\` (\`petitions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unions_id_idx\` ON \`payload_locked_documents_rels\` (\`unions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signatures_id_idx\` ON \`payload_locked_documents_rels\` (\`signatures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`networks\` DROP COLUMN \`message_retention\`;`)
  await db.run(sql`ALTER TABLE \`networks\` DROP COLUMN \`require_approval\`;`)
  await db.run(sql`ALTER TABLE \`networks\` DROP COLUMN \`guidelines\`;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` DROP COLUMN \`guidelines_accepted_at\`;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` DROP COLUMN \`muted_until\`;`)
  await db.run(sql`ALTER TABLE \`members_display_names\` DROP COLUMN \`show_name_to_organisers\`;`)
}
