import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`review_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`doc_collection\` text NOT NULL,
  	\`doc_id\` numeric NOT NULL,
  	\`doc_title\` text,
  	\`by_id\` integer,
  	\`note\` text,
  	\`fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_log_action_idx\` ON \`review_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`review_log_doc_id_idx\` ON \`review_log\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`review_log_by_idx\` ON \`review_log\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`review_log_updated_at_idx\` ON \`review_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_log_created_at_idx\` ON \`review_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`review_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`typo_max_chars\` numeric,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_state\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_requested_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_approved_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_legal_edited_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_legal_edited_at\` text;`)
  await db.run(sql`CREATE INDEX \`guides_review_review_requested_by_idx\` ON \`guides\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_review_decided_by_idx\` ON \`guides\` (\`review_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_review_legal_edited_by_idx\` ON \`guides\` (\`review_legal_edited_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_state\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_requested_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_approved_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_legal_edited_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_legal_edited_at\` text;`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_review_version_review_requested_by_idx\` ON \`_guides_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_review_version_review_decided_by_idx\` ON \`_guides_v\` (\`version_review_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_review_version_review_legal_edited_by_idx\` ON \`_guides_v\` (\`version_review_legal_edited_by_id\`);`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_state\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_requested_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_approved_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_legal_edited_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`templates\` ADD \`review_legal_edited_at\` text;`)
  await db.run(sql`CREATE INDEX \`templates_review_review_requested_by_idx\` ON \`templates\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_review_review_decided_by_idx\` ON \`templates\` (\`review_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_review_review_legal_edited_by_idx\` ON \`templates\` (\`review_legal_edited_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_state\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_requested_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_approved_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_legal_edited_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_templates_v\` ADD \`version_review_legal_edited_at\` text;`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_review_version_review_requested_by_idx\` ON \`_templates_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_review_version_review_decided_by_idx\` ON \`_templates_v\` (\`version_review_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_review_version_review_legal_edited__idx\` ON \`_templates_v\` (\`version_review_legal_edited_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_log_id\` integer REFERENCES review_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_log_id_idx\` ON \`payload_locked_documents_rels\` (\`review_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`review_log\`;`)
  await db.run(sql`DROP TABLE \`review_rules\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_guides\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`nations_note\` text,
  	\`body\` text,
  	\`last_reviewed\` text,
  	\`review_due\` text,
  	\`reviewed_by_id\` integer,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_guides\`("id", "title", "slug", "summary", "nations_note", "body", "last_reviewed", "review_due", "reviewed_by_id", "published_at", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "nations_note", "body", "last_reviewed", "review_due", "reviewed_by_id", "published_at", "updated_at", "created_at", "_status" FROM \`guides\`;`)
  await db.run(sql`DROP TABLE \`guides\`;`)
  await db.run(sql`ALTER TABLE \`__new_guides\` RENAME TO \`guides\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`guides_slug_idx\` ON \`guides\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_due_idx\` ON \`guides\` (\`review_due\`);`)
  await db.run(sql`CREATE INDEX \`guides_reviewed_by_idx\` ON \`guides\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_updated_at_idx\` ON \`guides\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`guides_created_at_idx\` ON \`guides\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`guides__status_idx\` ON \`guides\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__guides_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_nations_note\` text,
  	\`version_body\` text,
  	\`version_last_reviewed\` text,
  	\`version_review_due\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__guides_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_nations_note", "version_body", "version_last_reviewed", "version_review_due", "version_reviewed_by_id", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_nations_note", "version_body", "version_last_reviewed", "version_review_due", "version_reviewed_by_id", "version_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_guides_v\`;`)
  await db.run(sql`DROP TABLE \`_guides_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__guides_v\` RENAME TO \`_guides_v\`;`)
  await db.run(sql`CREATE INDEX \`_guides_v_parent_idx\` ON \`_guides_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_slug_idx\` ON \`_guides_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_review_due_idx\` ON \`_guides_v\` (\`version_review_due\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_reviewed_by_idx\` ON \`_guides_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_updated_at_idx\` ON \`_guides_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_created_at_idx\` ON \`_guides_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version__status_idx\` ON \`_guides_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_created_at_idx\` ON \`_guides_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_updated_at_idx\` ON \`_guides_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_latest_idx\` ON \`_guides_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_autosave_idx\` ON \`_guides_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_templates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`kind\` text DEFAULT 'letter',
  	\`subject\` text,
  	\`nations_note\` text,
  	\`guidance\` text,
  	\`body\` text,
  	\`last_reviewed\` text,
  	\`review_due\` text,
  	\`reviewed_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_templates\`("id", "title", "slug", "summary", "kind", "subject", "nations_note", "guidance", "body", "last_reviewed", "review_due", "reviewed_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "kind", "subject", "nations_note", "guidance", "body", "last_reviewed", "review_due", "reviewed_by_id", "updated_at", "created_at", "_status" FROM \`templates\`;`)
  await db.run(sql`DROP TABLE \`templates\`;`)
  await db.run(sql`ALTER TABLE \`__new_templates\` RENAME TO \`templates\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`templates_slug_idx\` ON \`templates\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`templates_review_due_idx\` ON \`templates\` (\`review_due\`);`)
  await db.run(sql`CREATE INDEX \`templates_reviewed_by_idx\` ON \`templates\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_updated_at_idx\` ON \`templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`templates_created_at_idx\` ON \`templates\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`templates__status_idx\` ON \`templates\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__templates_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_kind\` text DEFAULT 'letter',
  	\`version_subject\` text,
  	\`version_nations_note\` text,
  	\`version_guidance\` text,
  	\`version_body\` text,
  	\`version_last_reviewed\` text,
  	\`version_review_due\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__templates_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_kind", "version_subject", "version_nations_note", "version_guidance", "version_body", "version_last_reviewed", "version_review_due", "version_reviewed_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_kind", "version_subject", "version_nations_note", "version_guidance", "version_body", "version_last_reviewed", "version_review_due", "version_reviewed_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_templates_v\`;`)
  await db.run(sql`DROP TABLE \`_templates_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__templates_v\` RENAME TO \`_templates_v\`;`)
  await db.run(sql`CREATE INDEX \`_templates_v_parent_idx\` ON \`_templates_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version_slug_idx\` ON \`_templates_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version_review_due_idx\` ON \`_templates_v\` (\`version_review_due\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version_reviewed_by_idx\` ON \`_templates_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version_updated_at_idx\` ON \`_templates_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version_created_at_idx\` ON \`_templates_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_version__status_idx\` ON \`_templates_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_created_at_idx\` ON \`_templates_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_updated_at_idx\` ON \`_templates_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_latest_idx\` ON \`_templates_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_autosave_idx\` ON \`_templates_v\` (\`autosave\`);`)
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
  	\`supporter_updates_id\` integer,
  	\`supporter_update_deliveries_id\` integer,
  	\`export_log_id\` integer,
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
  	FOREIGN KEY (\`supporter_updates_id\`) REFERENCES \`supporter_updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`supporter_update_deliveries_id\`) REFERENCES \`supporter_update_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`export_log_id\`) REFERENCES \`export_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "petition_proposals_id", "unions_id", "signatures_id", "supporter_updates_id", "supporter_update_deliveries_id", "export_log_id", "members_id", "registrations_id", "threads_id", "messages_id", "message_reports_id", "moderation_actions_id", "thread_follows_id", "conversation_events_id", "questions_id", "site_builds_id", "users_id") SELECT "id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "petition_proposals_id", "unions_id", "signatures_id", "supporter_updates_id", "supporter_update_deliveries_id", "export_log_id", "members_id", "registrations_id", "threads_id", "messages_id", "message_reports_id", "moderation_actions_id", "thread_follows_id", "conversation_events_id", "questions_id", "site_builds_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supporter_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`supporter_updates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_supporter_update_deliverie_idx\` ON \`payload_locked_documents_rels\` (\`supporter_update_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_export_log_id_idx\` ON \`payload_locked_documents_rels\` (\`export_log_id\`);`)
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
