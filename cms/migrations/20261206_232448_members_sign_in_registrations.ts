import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`members_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`members_sessions_order_idx\` ON \`members_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`members_sessions_parent_id_idx\` ON \`members_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`registrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`state\` text DEFAULT 'registered' NOT NULL,
  	\`position\` numeric,
  	\`cancelled_at\` text,
  	\`reminded_at\` text,
  	\`moved_up_at\` text,
  	\`cancel_token_hash\` text,
  	\`active_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`registrations_member_idx\` ON \`registrations\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_session_idx\` ON \`registrations\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`registrations_cancel_token_hash_idx\` ON \`registrations\` (\`cancel_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`registrations_active_key_idx\` ON \`registrations\` (\`active_key\`);`)
  await db.run(sql`CREATE INDEX \`registrations_updated_at_idx\` ON \`registrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`registrations_created_at_idx\` ON \`registrations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`session_state_idx\` ON \`registrations\` (\`session_id\`,\`state\`);`)
  // SQLite cannot drop a column with a foreign key, so members is copied into a new table. Dropping
  // the old table with foreign keys on deletes every row that points at a member (their networks,
  // flags, document locks), and PRAGMA foreign_keys=OFF is ignored inside a transaction (if the
  // adapter is ever given transactionOptions): those rows are kept aside and put back, whatever the
  // pragma. Each member's training session becomes a registration.
  await db.run(sql`CREATE TEMP TABLE \`keep_member_sessions\` AS
    SELECT \`id\`, \`training_session_id\`, \`created_at\` FROM \`members\` WHERE \`training_session_id\` IS NOT NULL;`)
  await db.run(sql`CREATE TEMP TABLE \`keep_members_rels\` AS SELECT * FROM \`members_rels\`;`)
  await db.run(sql`CREATE TEMP TABLE \`keep_members_texts\` AS SELECT * FROM \`members_texts\`;`)
  await db.run(sql`CREATE TEMP TABLE \`keep_member_locks\` AS
    SELECT * FROM \`payload_locked_documents_rels\` WHERE \`members_id\` IS NOT NULL;`)
  await db.run(sql`CREATE TABLE \`__new_members\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`first_name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`email_canonical\` text,
  	\`postcode\` text,
  	\`sector\` text,
  	\`consent_email\` integer DEFAULT false NOT NULL,
  	\`consent_union_interest\` integer DEFAULT false NOT NULL,
  	\`consent_version\` text NOT NULL,
  	\`state\` text DEFAULT 'pending' NOT NULL,
  	\`confirm_token_hash\` text,
  	\`confirmations_sent\` numeric DEFAULT 0,
  	\`confirmed_at\` text,
  	\`pending_since\` text,
  	\`pending_changes\` text,
  	\`unsubscribed_at\` text,
  	\`last_active_at\` text,
  	\`retention_asked_at\` text,
  	\`confirm_email_state\` text,
  	\`confirm_email_attempts\` numeric DEFAULT 0,
  	\`confirm_email_next_at\` text,
  	\`confirm_email_error\` text,
  	\`sign_in_token_hash\` text,
  	\`sign_in_token_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_members\`("id", "first_name", "email", "email_canonical", "postcode", "sector", "consent_email", "consent_union_interest", "consent_version", "state", "confirm_token_hash", "confirmations_sent", "confirmed_at", "pending_since", "pending_changes", "unsubscribed_at", "last_active_at", "retention_asked_at", "confirm_email_state", "confirm_email_attempts", "confirm_email_next_at", "confirm_email_error", "sign_in_token_hash", "sign_in_token_expires_at", "updated_at", "created_at") SELECT "id", "first_name", "email", "email_canonical", "postcode", "sector", "consent_email", "consent_union_interest", "consent_version", "state", "confirm_token_hash", "confirmations_sent", "confirmed_at", "pending_since", "pending_changes", "unsubscribed_at", "last_active_at", "retention_asked_at", "confirm_email_state", "confirm_email_attempts", "confirm_email_next_at", "confirm_email_error", NULL, NULL, "updated_at", "created_at" FROM \`members\`;`)
  await db.run(sql`DROP TABLE \`members\`;`)
  await db.run(sql`ALTER TABLE \`__new_members\` RENAME TO \`members\`;`)
  await db.run(sql`INSERT INTO \`members_rels\` SELECT * FROM temp.\`keep_members_rels\`;`)
  await db.run(sql`INSERT INTO \`members_texts\` SELECT * FROM temp.\`keep_members_texts\`;`)
  await db.run(sql`INSERT INTO \`payload_locked_documents_rels\` SELECT * FROM temp.\`keep_member_locks\`;`)
  await db.run(sql`INSERT INTO \`registrations\` (\`member_id\`, \`session_id\`, \`state\`, \`active_key\`, \`created_at\`)
    SELECT \`id\`, \`training_session_id\`, 'registered', \`id\` || ':' || \`training_session_id\`, \`created_at\`
    FROM temp.\`keep_member_sessions\`;`)
  for (const kept of ['keep_member_sessions', 'keep_members_rels', 'keep_members_texts', 'keep_member_locks'])
    await db.run(sql.raw(`DROP TABLE temp.\`${kept}\`;`))
  await db.run(sql`CREATE UNIQUE INDEX \`members_email_canonical_idx\` ON \`members\` (\`email_canonical\`);`)
  await db.run(sql`CREATE INDEX \`members_state_idx\` ON \`members\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`members_confirm_token_hash_idx\` ON \`members\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`members_pending_since_idx\` ON \`members\` (\`pending_since\`);`)
  await db.run(sql`CREATE INDEX \`members_unsubscribed_at_idx\` ON \`members\` (\`unsubscribed_at\`);`)
  await db.run(sql`CREATE INDEX \`members_last_active_at_idx\` ON \`members\` (\`last_active_at\`);`)
  await db.run(sql`CREATE INDEX \`members_retention_asked_at_idx\` ON \`members\` (\`retention_asked_at\`);`)
  await db.run(sql`CREATE INDEX \`members_confirm_email_state_idx\` ON \`members\` (\`confirm_email_state\`);`)
  await db.run(sql`CREATE INDEX \`members_sign_in_token_hash_idx\` ON \`members\` (\`sign_in_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`training_sessions\` ADD \`joining_link\` text;`)
  await db.run(sql`ALTER TABLE \`training_sessions\` ADD \`cancelled_at\` text;`)
  await db.run(sql`ALTER TABLE \`training_sessions\` ADD \`cancel_reason\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`registrations_id\` integer REFERENCES registrations(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`registrations_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`members_id\` integer REFERENCES members(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_members_id_idx\` ON \`payload_preferences_rels\` (\`members_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`members_sign_in_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`training_session_id\` integer REFERENCES training_sessions(id);`)
  await db.run(sql`CREATE INDEX \`members_training_session_idx\` ON \`members\` (\`training_session_id\`);`)
  // Each member's latest registration that is not cancelled becomes their one training session again.
  await db.run(sql`UPDATE \`members\` SET \`training_session_id\` = (
    SELECT r.\`session_id\` FROM \`registrations\` r
    WHERE r.\`member_id\` = \`members\`.\`id\` AND r.\`state\` <> 'cancelled'
    ORDER BY r.\`created_at\` DESC LIMIT 1);`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`sign_in_token_hash\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`sign_in_token_expires_at\`;`)
  await db.run(sql`DROP TABLE \`members_sessions\`;`)
  await db.run(sql`DROP TABLE \`registrations\`;`)
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
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "unions_id", "signatures_id", "members_id", "site_builds_id", "users_id") SELECT "id", "order", "parent_id", "path", "guides_id", "templates_id", "topics_id", "media_id", "training_sessions_id", "networks_id", "petitions_id", "unions_id", "signatures_id", "members_id", "site_builds_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences_rels\` RENAME TO \`payload_preferences_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`training_sessions\` DROP COLUMN \`joining_link\`;`)
  await db.run(sql`ALTER TABLE \`training_sessions\` DROP COLUMN \`cancelled_at\`;`)
  await db.run(sql`ALTER TABLE \`training_sessions\` DROP COLUMN \`cancel_reason\`;`)
}
