import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`supporter_updates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`petition_id\` integer NOT NULL,
  	\`subject\` text NOT NULL,
  	\`intro\` text,
  	\`body\` text NOT NULL,
  	\`state\` text DEFAULT 'draft' NOT NULL,
  	\`queued_at\` text,
  	\`queued_by_id\` integer,
  	\`finished_at\` text,
  	\`recipients\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`skipped\` numeric DEFAULT 0,
  	\`uncertain\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`petition_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`queued_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`supporter_updates_petition_idx\` ON \`supporter_updates\` (\`petition_id\`);`)
  await db.run(sql`CREATE INDEX \`supporter_updates_state_idx\` ON \`supporter_updates\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`supporter_updates_queued_by_idx\` ON \`supporter_updates\` (\`queued_by_id\`);`)
  await db.run(sql`CREATE INDEX \`supporter_updates_updated_at_idx\` ON \`supporter_updates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`supporter_updates_created_at_idx\` ON \`supporter_updates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`supporter_update_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`supporter_update_id\` integer NOT NULL,
  	\`signature_id\` integer,
  	\`state\` text DEFAULT 'queued' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_at\` text,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`supporter_update_id\`) REFERENCES \`supporter_updates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signature_id\`) REFERENCES \`signatures\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`supporter_update_deliveries_supporter_update_idx\` ON \`supporter_update_deliveries\` (\`supporter_update_id\`);`)
  await db.run(sql`CREATE INDEX \`supporter_update_deliveries_signature_idx\` ON \`supporter_update_deliveries\` (\`signature_id\`);`)
  await db.run(sql`CREATE INDEX \`supporter_update_deliveries_state_idx\` ON \`supporter_update_deliveries\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`supporter_update_deliveries_updated_at_idx\` ON \`supporter_update_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`supporter_update_deliveries_created_at_idx\` ON \`supporter_update_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`supporterUpdate_signature_idx\` ON \`supporter_update_deliveries\` (\`supporter_update_id\`,\`signature_id\`);`)
  await db.run(sql`CREATE TABLE \`export_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`scope\` text,
  	\`reason\` text NOT NULL,
  	\`rows\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`export_log_user_idx\` ON \`export_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`export_log_updated_at_idx\` ON \`export_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`export_log_created_at_idx\` ON \`export_log\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`supporter_updates_id\` integer REFERENCES supporter_updates(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`supporter_update_deliveries_id\` integer REFERENCES supporter_update_deliveries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`export_log_id\` integer REFERENCES export_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supporter_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`supporter_updates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supporter_update_deliverie_idx\` ON \`payload_locked_documents_rels\` (\`supporter_update_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_export_log_id_idx\` ON \`payload_locked_documents_rels\` (\`export_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`supporter_updates\`;`)
  await db.run(sql`DROP TABLE \`supporter_update_deliveries\`;`)
  await db.run(sql`DROP TABLE \`export_log\`;`)
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
  	\`petition_proposals_id\` integer,
  	\`unions_id\` integer,
  	\`signatures_id\` integer,
  	\`members_id\` integer,
  	\`registrations_id\` integer,
  	\`threads_id\` integer,
  	\`messages_id\` integer,
  	\`message_reports_id\` integer,
  	\`moderation_actions_id\` integer,
  	\`thread_follows_id\` integer,
  	\`conversation_events_id\` integer,
  	\`questions_id\` integer,
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
  	FOREIGN KEY (\`petition_proposals_id\`) REFERENCES \`petition_proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unions_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`signatures_id\`) REFERENCES \`signatures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`registrations_id\`) REFERENCES \`registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`threads_id\`) REFERENCES \`threads\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`messages_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`message_reports_id\`) REFERENCES \`message_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`moderation_actions_id\`) REFERENCES \`moderation_actions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`thread_follows_id\`) REFERENCES \`thread_follows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversation_events_id\`) REFERENCES \`conversation_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questions_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "petition_proposals_id", "unions_id", "signatures_id", "members_id", "registrations_id", "threads_id", "messages_id", "message_reports_id", "moderation_actions_id", "thread_follows_id", "conversation_events_id", "questions_id", "site_builds_id", "users_id") SELECT "id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "petition_proposals_id", "unions_id", "signatures_id", "members_id", "registrations_id", "threads_id", "messages_id", "message_reports_id", "moderation_actions_id", "thread_follows_id", "conversation_events_id", "questions_id", "site_builds_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_petition_proposals_id_idx\` ON \`payload_locked_documents_rels\` (\`petition_proposals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unions_id_idx\` ON \`payload_locked_documents_rels\` (\`unions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_signatures_id_idx\` ON \`payload_locked_documents_rels\` (\`signatures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_threads_id_idx\` ON \`payload_locked_documents_rels\` (\`threads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_message_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`message_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_moderation_actions_id_idx\` ON \`payload_locked_documents_rels\` (\`moderation_actions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_thread_follows_id_idx\` ON \`payload_locked_documents_rels\` (\`thread_follows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conversation_events_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
