import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`_topics_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_description\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_topics_v_parent_idx\` ON \`_topics_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_slug_idx\` ON \`_topics_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_updated_at_idx\` ON \`_topics_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_created_at_idx\` ON \`_topics_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version__status_idx\` ON \`_topics_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_created_at_idx\` ON \`_topics_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_updated_at_idx\` ON \`_topics_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_latest_idx\` ON \`_topics_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_training_sessions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_format\` text DEFAULT 'online',
  	\`version_start\` text,
  	\`version_end\` text,
  	\`version_venue\` text,
  	\`version_address\` text,
  	\`version_region\` text,
  	\`version_accessibility\` text,
  	\`version_capacity\` numeric,
  	\`version_joining_link\` text,
  	\`version_registration\` text DEFAULT 'platform',
  	\`version_external_url\` text,
  	\`version_facilitator\` text,
  	\`version_status\` text DEFAULT 'scheduled',
  	\`version_cancelled_at\` text,
  	\`version_cancel_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_parent_idx\` ON \`_training_sessions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_version_version_slug_idx\` ON \`_training_sessions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_version_version_start_idx\` ON \`_training_sessions_v\` (\`version_start\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_version_version_updated_at_idx\` ON \`_training_sessions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_version_version_created_at_idx\` ON \`_training_sessions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_version_version__status_idx\` ON \`_training_sessions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_created_at_idx\` ON \`_training_sessions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_updated_at_idx\` ON \`_training_sessions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_latest_idx\` ON \`_training_sessions_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_autosave_idx\` ON \`_training_sessions_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_training_sessions_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_training_sessions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_rels_order_idx\` ON \`_training_sessions_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_rels_parent_idx\` ON \`_training_sessions_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_rels_path_idx\` ON \`_training_sessions_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_training_sessions_v_rels_topics_id_idx\` ON \`_training_sessions_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_networks_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_description\` text,
  	\`version_sector\` text,
  	\`version_employer\` text,
  	\`version_hide_employer\` integer DEFAULT false,
  	\`version_region\` text,
  	\`version_meets\` text,
  	\`version_related_union_id\` integer,
  	\`version_internal_notes\` text,
  	\`version_message_retention\` text DEFAULT '90',
  	\`version_require_approval\` integer DEFAULT false,
  	\`version_guidelines\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_related_union_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_networks_v_parent_idx\` ON \`_networks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_version_version_slug_idx\` ON \`_networks_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_version_version_related_union_idx\` ON \`_networks_v\` (\`version_related_union_id\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_version_version_updated_at_idx\` ON \`_networks_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_version_version_created_at_idx\` ON \`_networks_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_version_version__status_idx\` ON \`_networks_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_created_at_idx\` ON \`_networks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_updated_at_idx\` ON \`_networks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_latest_idx\` ON \`_networks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_networks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_networks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_networks_v_rels_order_idx\` ON \`_networks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_rels_parent_idx\` ON \`_networks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_rels_path_idx\` ON \`_networks_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_networks_v_rels_users_id_idx\` ON \`_networks_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_petitions_v_version_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`count\` numeric,
  	\`what_happens\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_petitions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_milestones_order_idx\` ON \`_petitions_v_version_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_milestones_parent_id_idx\` ON \`_petitions_v_version_milestones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_petitions_v_version_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_petitions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_updates_order_idx\` ON \`_petitions_v_version_updates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_updates_parent_id_idx\` ON \`_petitions_v_version_updates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_petitions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kind\` text DEFAULT 'petition',
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_addressed_to\` text,
  	\`version_what_we_want\` text,
  	\`version_why\` text,
  	\`version_letter\` text,
  	\`version_goal\` numeric DEFAULT 1000,
  	\`version_milestones_reached\` text,
  	\`version_tell_supporters_at_milestones\` integer DEFAULT true,
  	\`version_opens_at\` text,
  	\`version_closes_at\` text,
  	\`version_state\` text DEFAULT 'draft',
  	\`version_show_signer_names\` integer DEFAULT false,
  	\`version_signature_count\` numeric DEFAULT 0,
  	\`version_counts_by_nation\` text,
  	\`version_counts_by_region\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_petitions_v_parent_idx\` ON \`_petitions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_version_slug_idx\` ON \`_petitions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_version_state_idx\` ON \`_petitions_v\` (\`version_state\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_version_updated_at_idx\` ON \`_petitions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_version_created_at_idx\` ON \`_petitions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_version_version__status_idx\` ON \`_petitions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_created_at_idx\` ON \`_petitions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_updated_at_idx\` ON \`_petitions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_latest_idx\` ON \`_petitions_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_petitions_v_autosave_idx\` ON \`_petitions_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v_version_sectors\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_unions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_version_sectors_order_idx\` ON \`_unions_v_version_sectors\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_sectors_parent_idx\` ON \`_unions_v_version_sectors\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v_version_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_unions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_version_nations_order_idx\` ON \`_unions_v_version_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_nations_parent_idx\` ON \`_unions_v_version_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v_version_affiliations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_unions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_version_affiliations_order_idx\` ON \`_unions_v_version_affiliations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_affiliations_parent_idx\` ON \`_unions_v_version_affiliations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_unions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_version_sources_order_idx\` ON \`_unions_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_sources_parent_id_idx\` ON \`_unions_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_short_name\` text,
  	\`version_slug\` text,
  	\`version_logo_id\` integer,
  	\`version_website\` text,
  	\`version_join_url\` text,
  	\`version_description\` text,
  	\`version_nations_note\` text,
  	\`version_independent\` integer,
  	\`version_certification_officer_listed\` integer,
  	\`version_membership\` numeric,
  	\`version_membership_year\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_parent_idx\` ON \`_unions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_version_slug_idx\` ON \`_unions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_version_logo_idx\` ON \`_unions_v\` (\`version_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_version_updated_at_idx\` ON \`_unions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_version_created_at_idx\` ON \`_unions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_version_version__status_idx\` ON \`_unions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_created_at_idx\` ON \`_unions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_updated_at_idx\` ON \`_unions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_unions_v_latest_idx\` ON \`_unions_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_unions_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_unions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_unions_v_texts_order_parent\` ON \`_unions_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_site_settings_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_site_name\` text DEFAULT 'Better Work',
  	\`version_tagline\` text DEFAULT 'Better work is possible',
  	\`version_home_intro\` text DEFAULT 'Find out your rights at work, send the right letter, and get support from people in the same boat.',
  	\`version_contact_email\` text,
  	\`version_privacy_notice\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer
  );
  `)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_version__status_idx\` ON \`_site_settings_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_created_at_idx\` ON \`_site_settings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_updated_at_idx\` ON \`_site_settings_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_latest_idx\` ON \`_site_settings_v\` (\`latest\`);`)
  // Drafts come to topics, training sessions, unions, networks, petitions and the site settings.
  // Every row that exists is live now, so it is copied as published (drizzle-kit selected a
  // "_status" column the old tables do not have): nothing readers see disappears on upgrade.
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`description\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_topics\`("id", "title", "slug", "description", "order", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "description", "order", "updated_at", "created_at", 'published' FROM \`topics\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`ALTER TABLE \`__new_topics\` RENAME TO \`topics\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`topics__status_idx\` ON \`topics\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_training_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`format\` text DEFAULT 'online',
  	\`start\` text,
  	\`end\` text,
  	\`venue\` text,
  	\`address\` text,
  	\`region\` text,
  	\`accessibility\` text,
  	\`capacity\` numeric,
  	\`joining_link\` text,
  	\`registration\` text DEFAULT 'platform',
  	\`external_url\` text,
  	\`facilitator\` text,
  	\`status\` text DEFAULT 'scheduled',
  	\`cancelled_at\` text,
  	\`cancel_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_training_sessions\`("id", "title", "slug", "summary", "description", "format", "start", "end", "venue", "address", "region", "accessibility", "capacity", "joining_link", "registration", "external_url", "facilitator", "status", "cancelled_at", "cancel_reason", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "description", "format", "start", "end", "venue", "address", "region", "accessibility", "capacity", "joining_link", "registration", "external_url", "facilitator", "status", "cancelled_at", "cancel_reason", "updated_at", "created_at", 'published' FROM \`training_sessions\`;`)
  await db.run(sql`DROP TABLE \`training_sessions\`;`)
  await db.run(sql`ALTER TABLE \`__new_training_sessions\` RENAME TO \`training_sessions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`training_sessions_slug_idx\` ON \`training_sessions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_start_idx\` ON \`training_sessions\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_updated_at_idx\` ON \`training_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_created_at_idx\` ON \`training_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions__status_idx\` ON \`training_sessions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_networks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`description\` text,
  	\`sector\` text,
  	\`employer\` text,
  	\`hide_employer\` integer DEFAULT false,
  	\`region\` text,
  	\`meets\` text,
  	\`related_union_id\` integer,
  	\`internal_notes\` text,
  	\`message_retention\` text DEFAULT '90',
  	\`require_approval\` integer DEFAULT false,
  	\`guidelines\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`related_union_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_networks\`("id", "name", "slug", "description", "sector", "employer", "hide_employer", "region", "meets", "related_union_id", "internal_notes", "message_retention", "require_approval", "guidelines", "updated_at", "created_at", "_status") SELECT "id", "name", "slug", "description", "sector", "employer", "hide_employer", "region", "meets", "related_union_id", "internal_notes", "message_retention", "require_approval", "guidelines", "updated_at", "created_at", 'published' FROM \`networks\`;`)
  await db.run(sql`DROP TABLE \`networks\`;`)
  await db.run(sql`ALTER TABLE \`__new_networks\` RENAME TO \`networks\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`networks_slug_idx\` ON \`networks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`networks_related_union_idx\` ON \`networks\` (\`related_union_id\`);`)
  await db.run(sql`CREATE INDEX \`networks_updated_at_idx\` ON \`networks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`networks_created_at_idx\` ON \`networks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`networks__status_idx\` ON \`networks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_petitions_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`count\` numeric,
  	\`what_happens\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions_milestones\`("_order", "_parent_id", "id", "count", "what_happens") SELECT "_order", "_parent_id", "id", "count", "what_happens" FROM \`petitions_milestones\`;`)
  await db.run(sql`DROP TABLE \`petitions_milestones\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions_milestones\` RENAME TO \`petitions_milestones\`;`)
  await db.run(sql`CREATE INDEX \`petitions_milestones_order_idx\` ON \`petitions_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_milestones_parent_id_idx\` ON \`petitions_milestones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_petitions_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions_updates\`("_order", "_parent_id", "id", "date", "text") SELECT "_order", "_parent_id", "id", "date", "text" FROM \`petitions_updates\`;`)
  await db.run(sql`DROP TABLE \`petitions_updates\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions_updates\` RENAME TO \`petitions_updates\`;`)
  await db.run(sql`CREATE INDEX \`petitions_updates_order_idx\` ON \`petitions_updates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updates_parent_id_idx\` ON \`petitions_updates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_petitions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'petition',
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`addressed_to\` text,
  	\`what_we_want\` text,
  	\`why\` text,
  	\`letter\` text,
  	\`goal\` numeric DEFAULT 1000,
  	\`milestones_reached\` text,
  	\`tell_supporters_at_milestones\` integer DEFAULT true,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`state\` text DEFAULT 'draft',
  	\`show_signer_names\` integer DEFAULT false,
  	\`signature_count\` numeric DEFAULT 0,
  	\`counts_by_nation\` text,
  	\`counts_by_region\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions\`("id", "kind", "title", "slug", "summary", "addressed_to", "what_we_want", "why", "letter", "goal", "milestones_reached", "tell_supporters_at_milestones", "opens_at", "closes_at", "state", "show_signer_names", "signature_count", "counts_by_nation", "counts_by_region", "updated_at", "created_at", "_status") SELECT "id", "kind", "title", "slug", "summary", "addressed_to", "what_we_want", "why", "letter", "goal", "milestones_reached", "tell_supporters_at_milestones", "opens_at", "closes_at", "state", "show_signer_names", "signature_count", "counts_by_nation", "counts_by_region", "updated_at", "created_at", 'published' FROM \`petitions\`;`)
  await db.run(sql`DROP TABLE \`petitions\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions\` RENAME TO \`petitions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`petitions_slug_idx\` ON \`petitions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`petitions_state_idx\` ON \`petitions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updated_at_idx\` ON \`petitions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`petitions_created_at_idx\` ON \`petitions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`petitions__status_idx\` ON \`petitions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_unions_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_unions_sources\`("_order", "_parent_id", "id", "title", "url") SELECT "_order", "_parent_id", "id", "title", "url" FROM \`unions_sources\`;`)
  await db.run(sql`DROP TABLE \`unions_sources\`;`)
  await db.run(sql`ALTER TABLE \`__new_unions_sources\` RENAME TO \`unions_sources\`;`)
  await db.run(sql`CREATE INDEX \`unions_sources_order_idx\` ON \`unions_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`unions_sources_parent_id_idx\` ON \`unions_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_unions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`short_name\` text,
  	\`slug\` text,
  	\`logo_id\` integer,
  	\`website\` text,
  	\`join_url\` text,
  	\`description\` text,
  	\`nations_note\` text,
  	\`independent\` integer,
  	\`certification_officer_listed\` integer,
  	\`membership\` numeric,
  	\`membership_year\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_unions\`("id", "name", "short_name", "slug", "logo_id", "website", "join_url", "description", "nations_note", "independent", "certification_officer_listed", "membership", "membership_year", "updated_at", "created_at", "_status") SELECT "id", "name", "short_name", "slug", "logo_id", "website", "join_url", "description", "nations_note", "independent", "certification_officer_listed", "membership", "membership_year", "updated_at", "created_at", 'published' FROM \`unions\`;`)
  await db.run(sql`DROP TABLE \`unions\`;`)
  await db.run(sql`ALTER TABLE \`__new_unions\` RENAME TO \`unions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`unions_slug_idx\` ON \`unions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`unions_logo_idx\` ON \`unions\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`unions_updated_at_idx\` ON \`unions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`unions_created_at_idx\` ON \`unions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`unions__status_idx\` ON \`unions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_name\` text DEFAULT 'Better Work',
  	\`tagline\` text DEFAULT 'Better work is possible',
  	\`home_intro\` text DEFAULT 'Find out your rights at work, send the right letter, and get support from people in the same boat.',
  	\`contact_email\` text,
  	\`privacy_notice\` text,
  	\`_status\` text DEFAULT 'draft',
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "site_name", "tagline", "home_intro", "contact_email", "privacy_notice", "_status", "updated_at", "created_at") SELECT "id", "site_name", "tagline", "home_intro", "contact_email", "privacy_notice", 'published', "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`CREATE INDEX \`site_settings__status_idx\` ON \`site_settings\` (\`_status\`);`)
  // Foreign keys back on only now: dropping a table with them on deletes or nulls every row that
  // points at it (a member's networks, a session's registrations). Tables are rebuilt with them off.
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_topics_v\`;`)
  await db.run(sql`DROP TABLE \`_training_sessions_v\`;`)
  await db.run(sql`DROP TABLE \`_training_sessions_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_networks_v\`;`)
  await db.run(sql`DROP TABLE \`_networks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_petitions_v_version_milestones\`;`)
  await db.run(sql`DROP TABLE \`_petitions_v_version_updates\`;`)
  await db.run(sql`DROP TABLE \`_petitions_v\`;`)
  await db.run(sql`DROP TABLE \`_unions_v_version_sectors\`;`)
  await db.run(sql`DROP TABLE \`_unions_v_version_nations\`;`)
  await db.run(sql`DROP TABLE \`_unions_v_version_affiliations\`;`)
  await db.run(sql`DROP TABLE \`_unions_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_unions_v\`;`)
  await db.run(sql`DROP TABLE \`_unions_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_site_settings_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_topics\`("id", "title", "slug", "description", "order", "updated_at", "created_at") SELECT "id", "title", "slug", "description", "order", "updated_at", "created_at" FROM \`topics\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`ALTER TABLE \`__new_topics\` RENAME TO \`topics\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_training_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`description\` text,
  	\`format\` text DEFAULT 'online' NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	\`venue\` text,
  	\`address\` text,
  	\`region\` text,
  	\`accessibility\` text,
  	\`capacity\` numeric,
  	\`joining_link\` text,
  	\`registration\` text DEFAULT 'platform' NOT NULL,
  	\`external_url\` text,
  	\`facilitator\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`cancelled_at\` text,
  	\`cancel_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_training_sessions\`("id", "title", "slug", "summary", "description", "format", "start", "end", "venue", "address", "region", "accessibility", "capacity", "joining_link", "registration", "external_url", "facilitator", "status", "cancelled_at", "cancel_reason", "updated_at", "created_at") SELECT "id", "title", "slug", "summary", "description", "format", "start", "end", "venue", "address", "region", "accessibility", "capacity", "joining_link", "registration", "external_url", "facilitator", "status", "cancelled_at", "cancel_reason", "updated_at", "created_at" FROM \`training_sessions\`;`)
  await db.run(sql`DROP TABLE \`training_sessions\`;`)
  await db.run(sql`ALTER TABLE \`__new_training_sessions\` RENAME TO \`training_sessions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`training_sessions_slug_idx\` ON \`training_sessions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_start_idx\` ON \`training_sessions\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_updated_at_idx\` ON \`training_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_created_at_idx\` ON \`training_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_networks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`sector\` text NOT NULL,
  	\`employer\` text,
  	\`hide_employer\` integer DEFAULT false,
  	\`region\` text NOT NULL,
  	\`meets\` text,
  	\`related_union_id\` integer,
  	\`internal_notes\` text,
  	\`message_retention\` text DEFAULT '90',
  	\`require_approval\` integer DEFAULT false,
  	\`guidelines\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`related_union_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_networks\`("id", "name", "slug", "description", "sector", "employer", "hide_employer", "region", "meets", "related_union_id", "internal_notes", "message_retention", "require_approval", "guidelines", "updated_at", "created_at") SELECT "id", "name", "slug", "description", "sector", "employer", "hide_employer", "region", "meets", "related_union_id", "internal_notes", "message_retention", "require_approval", "guidelines", "updated_at", "created_at" FROM \`networks\`;`)
  await db.run(sql`DROP TABLE \`networks\`;`)
  await db.run(sql`ALTER TABLE \`__new_networks\` RENAME TO \`networks\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`networks_slug_idx\` ON \`networks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`networks_related_union_idx\` ON \`networks\` (\`related_union_id\`);`)
  await db.run(sql`CREATE INDEX \`networks_updated_at_idx\` ON \`networks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`networks_created_at_idx\` ON \`networks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_petitions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'petition',
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`addressed_to\` text NOT NULL,
  	\`what_we_want\` text NOT NULL,
  	\`why\` text,
  	\`letter\` text,
  	\`goal\` numeric DEFAULT 1000 NOT NULL,
  	\`milestones_reached\` text,
  	\`tell_supporters_at_milestones\` integer DEFAULT true,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`state\` text DEFAULT 'draft' NOT NULL,
  	\`show_signer_names\` integer DEFAULT false,
  	\`signature_count\` numeric DEFAULT 0,
  	\`counts_by_nation\` text,
  	\`counts_by_region\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions\`("id", "kind", "title", "slug", "summary", "addressed_to", "what_we_want", "why", "letter", "goal", "milestones_reached", "tell_supporters_at_milestones", "opens_at", "closes_at", "state", "show_signer_names", "signature_count", "counts_by_nation", "counts_by_region", "updated_at", "created_at") SELECT "id", "kind", "title", "slug", "summary", "addressed_to", "what_we_want", "why", "letter", "goal", "milestones_reached", "tell_supporters_at_milestones", "opens_at", "closes_at", "state", "show_signer_names", "signature_count", "counts_by_nation", "counts_by_region", "updated_at", "created_at" FROM \`petitions\`;`)
  await db.run(sql`DROP TABLE \`petitions\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions\` RENAME TO \`petitions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`petitions_slug_idx\` ON \`petitions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`petitions_state_idx\` ON \`petitions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updated_at_idx\` ON \`petitions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`petitions_created_at_idx\` ON \`petitions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_unions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text,
  	\`slug\` text NOT NULL,
  	\`logo_id\` integer,
  	\`website\` text NOT NULL,
  	\`join_url\` text,
  	\`description\` text NOT NULL,
  	\`nations_note\` text,
  	\`independent\` integer,
  	\`certification_officer_listed\` integer,
  	\`membership\` numeric,
  	\`membership_year\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_unions\`("id", "name", "short_name", "slug", "logo_id", "website", "join_url", "description", "nations_note", "independent", "certification_officer_listed", "membership", "membership_year", "updated_at", "created_at") SELECT "id", "name", "short_name", "slug", "logo_id", "website", "join_url", "description", "nations_note", "independent", "certification_officer_listed", "membership", "membership_year", "updated_at", "created_at" FROM \`unions\`;`)
  await db.run(sql`DROP TABLE \`unions\`;`)
  await db.run(sql`ALTER TABLE \`__new_unions\` RENAME TO \`unions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`unions_slug_idx\` ON \`unions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`unions_logo_idx\` ON \`unions\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`unions_updated_at_idx\` ON \`unions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`unions_created_at_idx\` ON \`unions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_name\` text DEFAULT 'Better Work' NOT NULL,
  	\`tagline\` text DEFAULT 'Better work is possible',
  	\`home_intro\` text DEFAULT 'Find out your rights at work, send the right letter, and get support from people in the same boat.',
  	\`contact_email\` text,
  	\`privacy_notice\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "site_name", "tagline", "home_intro", "contact_email", "privacy_notice", "updated_at", "created_at") SELECT "id", "site_name", "tagline", "home_intro", "contact_email", "privacy_notice", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`CREATE TABLE \`__new_petitions_milestones\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`what_happens\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions_milestones\`("_order", "_parent_id", "id", "count", "what_happens") SELECT "_order", "_parent_id", "id", "count", "what_happens" FROM \`petitions_milestones\`;`)
  await db.run(sql`DROP TABLE \`petitions_milestones\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions_milestones\` RENAME TO \`petitions_milestones\`;`)
  await db.run(sql`CREATE INDEX \`petitions_milestones_order_idx\` ON \`petitions_milestones\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_milestones_parent_id_idx\` ON \`petitions_milestones\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_petitions_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_petitions_updates\`("_order", "_parent_id", "id", "date", "text") SELECT "_order", "_parent_id", "id", "date", "text" FROM \`petitions_updates\`;`)
  await db.run(sql`DROP TABLE \`petitions_updates\`;`)
  await db.run(sql`ALTER TABLE \`__new_petitions_updates\` RENAME TO \`petitions_updates\`;`)
  await db.run(sql`CREATE INDEX \`petitions_updates_order_idx\` ON \`petitions_updates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updates_parent_id_idx\` ON \`petitions_updates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_unions_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_unions_sources\`("_order", "_parent_id", "id", "title", "url") SELECT "_order", "_parent_id", "id", "title", "url" FROM \`unions_sources\`;`)
  await db.run(sql`DROP TABLE \`unions_sources\`;`)
  await db.run(sql`ALTER TABLE \`__new_unions_sources\` RENAME TO \`unions_sources\`;`)
  await db.run(sql`CREATE INDEX \`unions_sources_order_idx\` ON \`unions_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`unions_sources_parent_id_idx\` ON \`unions_sources\` (\`_parent_id\`);`)
  // Foreign keys back on only now: dropping a table with them on deletes or nulls every row that
  // points at it (a member's networks, a session's registrations). Tables are rebuilt with them off.
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
