import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`guides_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_nations_order_idx\` ON \`guides_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`guides_nations_parent_idx\` ON \`guides_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_key_facts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`fact\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_key_facts_order_idx\` ON \`guides_key_facts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_key_facts_parent_id_idx\` ON \`guides_key_facts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`body\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_steps_order_idx\` ON \`guides_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_steps_parent_id_idx\` ON \`guides_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_sources_order_idx\` ON \`guides_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_sources_parent_id_idx\` ON \`guides_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_history_order_idx\` ON \`guides_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`guides_history_parent_id_idx\` ON \`guides_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`guides_slug_idx\` ON \`guides\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_due_idx\` ON \`guides\` (\`review_due\`);`)
  await db.run(sql`CREATE INDEX \`guides_reviewed_by_idx\` ON \`guides\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_updated_at_idx\` ON \`guides\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`guides_created_at_idx\` ON \`guides\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`guides__status_idx\` ON \`guides\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`guides_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_texts_order_parent\` ON \`guides_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`guides_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`guides_id\` integer,
  	\`templates_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`templates_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`guides_rels_order_idx\` ON \`guides_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_parent_idx\` ON \`guides_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_path_idx\` ON \`guides_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_topics_id_idx\` ON \`guides_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_guides_id_idx\` ON \`guides_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_templates_id_idx\` ON \`guides_rels\` (\`templates_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_nations_order_idx\` ON \`_guides_v_version_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_nations_parent_idx\` ON \`_guides_v_version_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_key_facts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`fact\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_key_facts_order_idx\` ON \`_guides_v_version_key_facts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_key_facts_parent_id_idx\` ON \`_guides_v_version_key_facts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_steps_order_idx\` ON \`_guides_v_version_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_steps_parent_id_idx\` ON \`_guides_v_version_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_sources_order_idx\` ON \`_guides_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_sources_parent_id_idx\` ON \`_guides_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_version_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_version_history_order_idx\` ON \`_guides_v_version_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_history_parent_id_idx\` ON \`_guides_v_version_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v\` (
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
  await db.run(sql`CREATE TABLE \`_guides_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_texts_order_parent\` ON \`_guides_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_guides_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`guides_id\` integer,
  	\`templates_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`templates_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_order_idx\` ON \`_guides_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_parent_idx\` ON \`_guides_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_path_idx\` ON \`_guides_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_topics_id_idx\` ON \`_guides_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_guides_id_idx\` ON \`_guides_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_templates_id_idx\` ON \`_guides_v_rels\` (\`templates_id\`);`)
  await db.run(sql`CREATE TABLE \`templates_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_nations_order_idx\` ON \`templates_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`templates_nations_parent_idx\` ON \`templates_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`templates_placeholders\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`label\` text,
  	\`hint\` text,
  	\`example\` text,
  	\`required\` integer DEFAULT true,
  	\`multiline\` integer DEFAULT false,
  	\`type\` text DEFAULT 'text',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_placeholders_order_idx\` ON \`templates_placeholders\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`templates_placeholders_parent_id_idx\` ON \`templates_placeholders\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`templates_optional_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`label\` text,
  	\`group\` text,
  	\`default\` integer DEFAULT false,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_optional_sections_order_idx\` ON \`templates_optional_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`templates_optional_sections_parent_id_idx\` ON \`templates_optional_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`templates_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_sources_order_idx\` ON \`templates_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`templates_sources_parent_id_idx\` ON \`templates_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`templates_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_history_order_idx\` ON \`templates_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`templates_history_parent_id_idx\` ON \`templates_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`templates\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`templates_slug_idx\` ON \`templates\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`templates_review_due_idx\` ON \`templates\` (\`review_due\`);`)
  await db.run(sql`CREATE INDEX \`templates_reviewed_by_idx\` ON \`templates\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_updated_at_idx\` ON \`templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`templates_created_at_idx\` ON \`templates\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`templates__status_idx\` ON \`templates\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`templates_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`guides_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`templates_rels_order_idx\` ON \`templates_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`templates_rels_parent_idx\` ON \`templates_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_rels_path_idx\` ON \`templates_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`templates_rels_topics_id_idx\` ON \`templates_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`templates_rels_guides_id_idx\` ON \`templates_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v_version_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_version_nations_order_idx\` ON \`_templates_v_version_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_nations_parent_idx\` ON \`_templates_v_version_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v_version_placeholders\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`label\` text,
  	\`hint\` text,
  	\`example\` text,
  	\`required\` integer DEFAULT true,
  	\`multiline\` integer DEFAULT false,
  	\`type\` text DEFAULT 'text',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_version_placeholders_order_idx\` ON \`_templates_v_version_placeholders\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_placeholders_parent_id_idx\` ON \`_templates_v_version_placeholders\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v_version_optional_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`label\` text,
  	\`group\` text,
  	\`default\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_version_optional_sections_order_idx\` ON \`_templates_v_version_optional_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_optional_sections_parent_id_idx\` ON \`_templates_v_version_optional_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v_version_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_version_sources_order_idx\` ON \`_templates_v_version_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_sources_parent_id_idx\` ON \`_templates_v_version_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v_version_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_version_history_order_idx\` ON \`_templates_v_version_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_version_history_parent_id_idx\` ON \`_templates_v_version_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_templates_v\` (
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
  await db.run(sql`CREATE TABLE \`_templates_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	\`guides_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_templates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_templates_v_rels_order_idx\` ON \`_templates_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_rels_parent_idx\` ON \`_templates_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_rels_path_idx\` ON \`_templates_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_rels_topics_id_idx\` ON \`_templates_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_templates_v_rels_guides_id_idx\` ON \`_templates_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE TABLE \`topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_wide_url\` text,
  	\`sizes_wide_width\` numeric,
  	\`sizes_wide_height\` numeric,
  	\`sizes_wide_mime_type\` text,
  	\`sizes_wide_filesize\` numeric,
  	\`sizes_wide_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_wide_sizes_wide_filename_idx\` ON \`media\` (\`sizes_wide_filename\`);`)
  await db.run(sql`CREATE TABLE \`training_sessions\` (
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
  	\`registration\` text DEFAULT 'platform' NOT NULL,
  	\`external_url\` text,
  	\`facilitator\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`training_sessions_slug_idx\` ON \`training_sessions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_start_idx\` ON \`training_sessions\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_updated_at_idx\` ON \`training_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_created_at_idx\` ON \`training_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`training_sessions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_order_idx\` ON \`training_sessions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_parent_idx\` ON \`training_sessions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_path_idx\` ON \`training_sessions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`training_sessions_rels_topics_id_idx\` ON \`training_sessions_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`networks\` (
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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`related_union_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`networks_slug_idx\` ON \`networks\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`networks_related_union_idx\` ON \`networks\` (\`related_union_id\`);`)
  await db.run(sql`CREATE INDEX \`networks_updated_at_idx\` ON \`networks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`networks_created_at_idx\` ON \`networks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`petitions_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`petitions_updates_order_idx\` ON \`petitions_updates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updates_parent_id_idx\` ON \`petitions_updates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`petitions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`addressed_to\` text NOT NULL,
  	\`what_we_want\` text NOT NULL,
  	\`why\` text,
  	\`goal\` numeric DEFAULT 1000 NOT NULL,
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
  await db.run(sql`CREATE UNIQUE INDEX \`petitions_slug_idx\` ON \`petitions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`petitions_state_idx\` ON \`petitions\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`petitions_updated_at_idx\` ON \`petitions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`petitions_created_at_idx\` ON \`petitions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`unions_sectors\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unions_sectors_order_idx\` ON \`unions_sectors\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`unions_sectors_parent_idx\` ON \`unions_sectors\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`unions_nations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unions_nations_order_idx\` ON \`unions_nations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`unions_nations_parent_idx\` ON \`unions_nations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`unions_affiliations\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unions_affiliations_order_idx\` ON \`unions_affiliations\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`unions_affiliations_parent_idx\` ON \`unions_affiliations\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`unions_sources\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unions_sources_order_idx\` ON \`unions_sources\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`unions_sources_parent_id_idx\` ON \`unions_sources\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`unions\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`unions_slug_idx\` ON \`unions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`unions_logo_idx\` ON \`unions\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`unions_updated_at_idx\` ON \`unions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`unions_created_at_idx\` ON \`unions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`unions_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unions_texts_order_parent\` ON \`unions_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`signatures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`petition_id\` integer NOT NULL,
  	\`name\` text,
  	\`email\` text,
  	\`email_canonical\` text,
  	\`postcode\` text,
  	\`region\` text,
  	\`nation\` text,
  	\`consent_updates\` integer DEFAULT false,
  	\`show_name\` integer DEFAULT false,
  	\`state\` text DEFAULT 'pending' NOT NULL,
  	\`confirm_token_hash\` text,
  	\`confirmations_sent\` numeric DEFAULT 0,
  	\`confirmed_at\` text,
  	\`ip_hash\` text,
  	\`anonymised_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`petition_id\`) REFERENCES \`petitions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`signatures_petition_idx\` ON \`signatures\` (\`petition_id\`);`)
  await db.run(sql`CREATE INDEX \`signatures_email_canonical_idx\` ON \`signatures\` (\`email_canonical\`);`)
  await db.run(sql`CREATE INDEX \`signatures_state_idx\` ON \`signatures\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`signatures_confirm_token_hash_idx\` ON \`signatures\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`signatures_updated_at_idx\` ON \`signatures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`signatures_created_at_idx\` ON \`signatures\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`petition_emailCanonical_idx\` ON \`signatures\` (\`petition_id\`,\`email_canonical\`);`)
  await db.run(sql`CREATE TABLE \`signatures_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`signatures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`signatures_texts_order_parent\` ON \`signatures_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`members\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`first_name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`email_canonical\` text,
  	\`postcode\` text,
  	\`sector\` text,
  	\`training_session_id\` integer,
  	\`consent_email\` integer DEFAULT false NOT NULL,
  	\`consent_union_interest\` integer DEFAULT false NOT NULL,
  	\`consent_version\` text NOT NULL,
  	\`state\` text DEFAULT 'pending' NOT NULL,
  	\`confirm_token_hash\` text,
  	\`confirmed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`training_session_id\`) REFERENCES \`training_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`members_email_canonical_idx\` ON \`members\` (\`email_canonical\`);`)
  await db.run(sql`CREATE INDEX \`members_training_session_idx\` ON \`members\` (\`training_session_id\`);`)
  await db.run(sql`CREATE INDEX \`members_state_idx\` ON \`members\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`members_confirm_token_hash_idx\` ON \`members\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`members_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`members_texts_order_parent\` ON \`members_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`members_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`networks_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`networks_id\`) REFERENCES \`networks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`members_rels_order_idx\` ON \`members_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`members_rels_parent_idx\` ON \`members_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`members_rels_path_idx\` ON \`members_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`members_rels_networks_id_idx\` ON \`members_rels\` (\`networks_id\`);`)
  await db.run(sql`CREATE TABLE \`site_builds\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`build_id\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`trigger\` text DEFAULT 'manual',
  	\`reason\` text,
  	\`live\` integer DEFAULT false,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`duration_ms\` numeric,
  	\`timings\` text,
  	\`pages\` numeric,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`site_builds_build_id_idx\` ON \`site_builds\` (\`build_id\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_status_idx\` ON \`site_builds\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_updated_at_idx\` ON \`site_builds\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`site_builds_created_at_idx\` ON \`site_builds\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_settings\` (
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
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`guides_nations\`;`)
  await db.run(sql`DROP TABLE \`guides_key_facts\`;`)
  await db.run(sql`DROP TABLE \`guides_steps\`;`)
  await db.run(sql`DROP TABLE \`guides_sources\`;`)
  await db.run(sql`DROP TABLE \`guides_history\`;`)
  await db.run(sql`DROP TABLE \`guides\`;`)
  await db.run(sql`DROP TABLE \`guides_texts\`;`)
  await db.run(sql`DROP TABLE \`guides_rels\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_nations\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_key_facts\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_steps\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_version_history\`;`)
  await db.run(sql`DROP TABLE \`_guides_v\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_rels\`;`)
  await db.run(sql`DROP TABLE \`templates_nations\`;`)
  await db.run(sql`DROP TABLE \`templates_placeholders\`;`)
  await db.run(sql`DROP TABLE \`templates_optional_sections\`;`)
  await db.run(sql`DROP TABLE \`templates_sources\`;`)
  await db.run(sql`DROP TABLE \`templates_history\`;`)
  await db.run(sql`DROP TABLE \`templates\`;`)
  await db.run(sql`DROP TABLE \`templates_rels\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_version_nations\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_version_placeholders\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_version_optional_sections\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_version_sources\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_version_history\`;`)
  await db.run(sql`DROP TABLE \`_templates_v\`;`)
  await db.run(sql`DROP TABLE \`_templates_v_rels\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`training_sessions\`;`)
  await db.run(sql`DROP TABLE \`training_sessions_rels\`;`)
  await db.run(sql`DROP TABLE \`networks\`;`)
  await db.run(sql`DROP TABLE \`petitions_updates\`;`)
  await db.run(sql`DROP TABLE \`petitions\`;`)
  await db.run(sql`DROP TABLE \`unions_sectors\`;`)
  await db.run(sql`DROP TABLE \`unions_nations\`;`)
  await db.run(sql`DROP TABLE \`unions_affiliations\`;`)
  await db.run(sql`DROP TABLE \`unions_sources\`;`)
  await db.run(sql`DROP TABLE \`unions\`;`)
  await db.run(sql`DROP TABLE \`unions_texts\`;`)
  await db.run(sql`DROP TABLE \`signatures\`;`)
  await db.run(sql`DROP TABLE \`signatures_texts\`;`)
  await db.run(sql`DROP TABLE \`members\`;`)
  await db.run(sql`DROP TABLE \`members_texts\`;`)
  await db.run(sql`DROP TABLE \`members_rels\`;`)
  await db.run(sql`DROP TABLE \`site_builds\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
}
