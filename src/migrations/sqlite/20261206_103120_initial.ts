import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`businesses_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_weekly_order_idx\` ON \`businesses_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_weekly_parent_id_idx\` ON \`businesses_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`businesses_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_closures_order_idx\` ON \`businesses_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_closures_parent_id_idx\` ON \`businesses_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`businesses_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_exceptions_order_idx\` ON \`businesses_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`businesses_opening_hours_exceptions_parent_id_idx\` ON \`businesses_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`businesses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`siret\` text,
  	\`activity\` text,
  	\`description\` text,
  	\`commune_id\` integer NOT NULL,
  	\`street\` text,
  	\`postcode\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`phone\` text,
  	\`email\` text,
  	\`website\` text,
  	\`opening_hours_note\` text,
  	\`slug\` text,
  	\`status\` text NOT NULL,
  	\`rejection_reason\` text,
  	\`review_state\` text DEFAULT 'ok',
  	\`moderation_note\` text,
  	\`pending_changes\` text,
  	\`moderation_rank\` numeric,
  	\`territory_id\` integer,
  	\`is_example\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`businesses_siret_idx\` ON \`businesses\` (\`siret\`);`)
  await db.run(sql`CREATE INDEX \`businesses_commune_idx\` ON \`businesses\` (\`commune_id\`);`)
  await db.run(sql`CREATE INDEX \`businesses_latitude_idx\` ON \`businesses\` (\`latitude\`);`)
  await db.run(sql`CREATE INDEX \`businesses_longitude_idx\` ON \`businesses\` (\`longitude\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`businesses_slug_idx\` ON \`businesses\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`businesses_status_idx\` ON \`businesses\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`businesses_review_state_idx\` ON \`businesses\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`businesses_moderation_rank_idx\` ON \`businesses\` (\`moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`businesses_territory_idx\` ON \`businesses\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`businesses_updated_at_idx\` ON \`businesses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`businesses_created_at_idx\` ON \`businesses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`businesses_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`businesses_rels_order_idx\` ON \`businesses_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`businesses_rels_parent_idx\` ON \`businesses_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`businesses_rels_path_idx\` ON \`businesses_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`businesses_rels_categories_id_idx\` ON \`businesses_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`businesses_rels_media_id_idx\` ON \`businesses_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`businesses_rels_users_id_idx\` ON \`businesses_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_businesses_v_version_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_businesses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_weekly_order_idx\` ON \`_businesses_v_version_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_weekly_parent_id_idx\` ON \`_businesses_v_version_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_businesses_v_version_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_businesses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_closures_order_idx\` ON \`_businesses_v_version_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_closures_parent_id_idx\` ON \`_businesses_v_version_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_businesses_v_version_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_businesses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_exceptions_order_idx\` ON \`_businesses_v_version_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_opening_hours_exceptions_parent_id_idx\` ON \`_businesses_v_version_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_businesses_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text NOT NULL,
  	\`version_siret\` text,
  	\`version_activity\` text,
  	\`version_description\` text,
  	\`version_commune_id\` integer NOT NULL,
  	\`version_street\` text,
  	\`version_postcode\` text,
  	\`version_latitude\` numeric,
  	\`version_longitude\` numeric,
  	\`version_phone\` text,
  	\`version_email\` text,
  	\`version_website\` text,
  	\`version_opening_hours_note\` text,
  	\`version_slug\` text,
  	\`version_status\` text NOT NULL,
  	\`version_rejection_reason\` text,
  	\`version_review_state\` text DEFAULT 'ok',
  	\`version_moderation_note\` text,
  	\`version_pending_changes\` text,
  	\`version_moderation_rank\` numeric,
  	\`version_territory_id\` integer,
  	\`version_is_example\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_businesses_v_parent_idx\` ON \`_businesses_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_siret_idx\` ON \`_businesses_v\` (\`version_siret\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_commune_idx\` ON \`_businesses_v\` (\`version_commune_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_latitude_idx\` ON \`_businesses_v\` (\`version_latitude\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_longitude_idx\` ON \`_businesses_v\` (\`version_longitude\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_slug_idx\` ON \`_businesses_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_status_idx\` ON \`_businesses_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_review_state_idx\` ON \`_businesses_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_moderation_rank_idx\` ON \`_businesses_v\` (\`version_moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_territory_idx\` ON \`_businesses_v\` (\`version_territory_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_updated_at_idx\` ON \`_businesses_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_version_version_created_at_idx\` ON \`_businesses_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_created_at_idx\` ON \`_businesses_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_updated_at_idx\` ON \`_businesses_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_businesses_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_businesses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_order_idx\` ON \`_businesses_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_parent_idx\` ON \`_businesses_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_path_idx\` ON \`_businesses_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_categories_id_idx\` ON \`_businesses_v_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_media_id_idx\` ON \`_businesses_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`_businesses_v_rels_users_id_idx\` ON \`_businesses_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`associations_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_weekly_order_idx\` ON \`associations_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_weekly_parent_id_idx\` ON \`associations_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`associations_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_closures_order_idx\` ON \`associations_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_closures_parent_id_idx\` ON \`associations_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`associations_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_exceptions_order_idx\` ON \`associations_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`associations_opening_hours_exceptions_parent_id_idx\` ON \`associations_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`associations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`rna\` text,
  	\`siret\` text,
  	\`description\` text,
  	\`commune_id\` integer NOT NULL,
  	\`street\` text,
  	\`postcode\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`phone\` text,
  	\`email\` text,
  	\`website\` text,
  	\`opening_hours_note\` text,
  	\`slug\` text,
  	\`status\` text NOT NULL,
  	\`rejection_reason\` text,
  	\`review_state\` text DEFAULT 'ok',
  	\`moderation_note\` text,
  	\`pending_changes\` text,
  	\`moderation_rank\` numeric,
  	\`territory_id\` integer,
  	\`is_example\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`associations_rna_idx\` ON \`associations\` (\`rna\`);`)
  await db.run(sql`CREATE INDEX \`associations_commune_idx\` ON \`associations\` (\`commune_id\`);`)
  await db.run(sql`CREATE INDEX \`associations_latitude_idx\` ON \`associations\` (\`latitude\`);`)
  await db.run(sql`CREATE INDEX \`associations_longitude_idx\` ON \`associations\` (\`longitude\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`associations_slug_idx\` ON \`associations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`associations_status_idx\` ON \`associations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`associations_review_state_idx\` ON \`associations\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`associations_moderation_rank_idx\` ON \`associations\` (\`moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`associations_territory_idx\` ON \`associations\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`associations_updated_at_idx\` ON \`associations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`associations_created_at_idx\` ON \`associations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`associations_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`associations_rels_order_idx\` ON \`associations_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`associations_rels_parent_idx\` ON \`associations_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`associations_rels_path_idx\` ON \`associations_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`associations_rels_categories_id_idx\` ON \`associations_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`associations_rels_media_id_idx\` ON \`associations_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`associations_rels_users_id_idx\` ON \`associations_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_associations_v_version_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_associations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_weekly_order_idx\` ON \`_associations_v_version_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_weekly_parent_id_idx\` ON \`_associations_v_version_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_associations_v_version_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_associations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_closures_order_idx\` ON \`_associations_v_version_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_closures_parent_id_idx\` ON \`_associations_v_version_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_associations_v_version_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_associations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_exceptions_order_idx\` ON \`_associations_v_version_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_opening_hours_exceptions_parent_id_idx\` ON \`_associations_v_version_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_associations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text NOT NULL,
  	\`version_rna\` text,
  	\`version_siret\` text,
  	\`version_description\` text,
  	\`version_commune_id\` integer NOT NULL,
  	\`version_street\` text,
  	\`version_postcode\` text,
  	\`version_latitude\` numeric,
  	\`version_longitude\` numeric,
  	\`version_phone\` text,
  	\`version_email\` text,
  	\`version_website\` text,
  	\`version_opening_hours_note\` text,
  	\`version_slug\` text,
  	\`version_status\` text NOT NULL,
  	\`version_rejection_reason\` text,
  	\`version_review_state\` text DEFAULT 'ok',
  	\`version_moderation_note\` text,
  	\`version_pending_changes\` text,
  	\`version_moderation_rank\` numeric,
  	\`version_territory_id\` integer,
  	\`version_is_example\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_associations_v_parent_idx\` ON \`_associations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_rna_idx\` ON \`_associations_v\` (\`version_rna\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_commune_idx\` ON \`_associations_v\` (\`version_commune_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_latitude_idx\` ON \`_associations_v\` (\`version_latitude\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_longitude_idx\` ON \`_associations_v\` (\`version_longitude\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_slug_idx\` ON \`_associations_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_status_idx\` ON \`_associations_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_review_state_idx\` ON \`_associations_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_moderation_rank_idx\` ON \`_associations_v\` (\`version_moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_territory_idx\` ON \`_associations_v\` (\`version_territory_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_updated_at_idx\` ON \`_associations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_version_version_created_at_idx\` ON \`_associations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_created_at_idx\` ON \`_associations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_updated_at_idx\` ON \`_associations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_associations_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_associations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_order_idx\` ON \`_associations_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_parent_idx\` ON \`_associations_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_path_idx\` ON \`_associations_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_categories_id_idx\` ON \`_associations_v_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_media_id_idx\` ON \`_associations_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`_associations_v_rels_users_id_idx\` ON \`_associations_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`services_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_opening_hours_weekly_order_idx\` ON \`services_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`services_opening_hours_weekly_parent_id_idx\` ON \`services_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_opening_hours_closures_order_idx\` ON \`services_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`services_opening_hours_closures_parent_id_idx\` ON \`services_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_opening_hours_exceptions_order_idx\` ON \`services_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`services_opening_hours_exceptions_parent_id_idx\` ON \`services_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`price_type\` text DEFAULT 'free' NOT NULL,
  	\`availability\` text,
  	\`opening_hours_note\` text,
  	\`commune_id\` integer NOT NULL,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`slug\` text,
  	\`status\` text NOT NULL,
  	\`rejection_reason\` text,
  	\`review_state\` text DEFAULT 'ok',
  	\`moderation_note\` text,
  	\`pending_changes\` text,
  	\`moderation_rank\` numeric,
  	\`territory_id\` integer,
  	\`is_example\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`services_price_type_idx\` ON \`services\` (\`price_type\`);`)
  await db.run(sql`CREATE INDEX \`services_commune_idx\` ON \`services\` (\`commune_id\`);`)
  await db.run(sql`CREATE INDEX \`services_latitude_idx\` ON \`services\` (\`latitude\`);`)
  await db.run(sql`CREATE INDEX \`services_longitude_idx\` ON \`services\` (\`longitude\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`services_slug_idx\` ON \`services\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`services_status_idx\` ON \`services\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`services_review_state_idx\` ON \`services\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`services_moderation_rank_idx\` ON \`services\` (\`moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`services_territory_idx\` ON \`services\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`services_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`businesses_id\` integer,
  	\`associations_id\` integer,
  	\`categories_id\` integer,
  	\`communes_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`businesses_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`associations_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`services_rels_order_idx\` ON \`services_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_parent_idx\` ON \`services_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_path_idx\` ON \`services_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_businesses_id_idx\` ON \`services_rels\` (\`businesses_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_associations_id_idx\` ON \`services_rels\` (\`associations_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_categories_id_idx\` ON \`services_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_communes_id_idx\` ON \`services_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_users_id_idx\` ON \`services_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`_services_v_version_opening_hours_weekly\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_services_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_weekly_order_idx\` ON \`_services_v_version_opening_hours_weekly\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_weekly_parent_id_idx\` ON \`_services_v_version_opening_hours_weekly\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_services_v_version_opening_hours_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_services_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_closures_order_idx\` ON \`_services_v_version_opening_hours_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_closures_parent_id_idx\` ON \`_services_v_version_opening_hours_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_services_v_version_opening_hours_exceptions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`closed\` integer,
  	\`opens\` text,
  	\`closes\` text,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_services_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_exceptions_order_idx\` ON \`_services_v_version_opening_hours_exceptions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_opening_hours_exceptions_parent_id_idx\` ON \`_services_v_version_opening_hours_exceptions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_services_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text NOT NULL,
  	\`version_description\` text,
  	\`version_price_type\` text DEFAULT 'free' NOT NULL,
  	\`version_availability\` text,
  	\`version_opening_hours_note\` text,
  	\`version_commune_id\` integer NOT NULL,
  	\`version_latitude\` numeric,
  	\`version_longitude\` numeric,
  	\`version_slug\` text,
  	\`version_status\` text NOT NULL,
  	\`version_rejection_reason\` text,
  	\`version_review_state\` text DEFAULT 'ok',
  	\`version_moderation_note\` text,
  	\`version_pending_changes\` text,
  	\`version_moderation_rank\` numeric,
  	\`version_territory_id\` integer,
  	\`version_is_example\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_services_v_parent_idx\` ON \`_services_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_price_type_idx\` ON \`_services_v\` (\`version_price_type\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_commune_idx\` ON \`_services_v\` (\`version_commune_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_latitude_idx\` ON \`_services_v\` (\`version_latitude\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_longitude_idx\` ON \`_services_v\` (\`version_longitude\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_slug_idx\` ON \`_services_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_status_idx\` ON \`_services_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_review_state_idx\` ON \`_services_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_moderation_rank_idx\` ON \`_services_v\` (\`version_moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_territory_idx\` ON \`_services_v\` (\`version_territory_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_updated_at_idx\` ON \`_services_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_created_at_idx\` ON \`_services_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_created_at_idx\` ON \`_services_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_updated_at_idx\` ON \`_services_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_services_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`businesses_id\` integer,
  	\`associations_id\` integer,
  	\`categories_id\` integer,
  	\`communes_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_services_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`businesses_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`associations_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_services_v_rels_order_idx\` ON \`_services_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_parent_idx\` ON \`_services_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_path_idx\` ON \`_services_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_businesses_id_idx\` ON \`_services_v_rels\` (\`businesses_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_associations_id_idx\` ON \`_services_v_rels\` (\`associations_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_categories_id_idx\` ON \`_services_v_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_communes_id_idx\` ON \`_services_v_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_users_id_idx\` ON \`_services_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`parent_id\` integer,
  	\`description\` text,
  	\`keywords\` text,
  	\`icon\` text,
  	\`order\` numeric DEFAULT 100,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`categories_parent_idx\` ON \`categories\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`categories_order_idx\` ON \`categories\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`categories_territory_idx\` ON \`categories\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`categories_updated_at_idx\` ON \`categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`categories_created_at_idx\` ON \`categories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`announcements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`category_id\` integer,
  	\`price_type\` text DEFAULT 'free',
  	\`commune_id\` integer NOT NULL,
  	\`street\` text,
  	\`postcode\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`attachment_id\` integer,
  	\`display_from\` text,
  	\`expires_at\` text,
  	\`expiry_warning_sent_at\` text,
  	\`author_id\` integer,
  	\`on_behalf_of_enabled\` integer,
  	\`on_behalf_of_resident_name\` text,
  	\`on_behalf_of_resident_phone\` text,
  	\`slug\` text,
  	\`status\` text NOT NULL,
  	\`rejection_reason\` text,
  	\`review_state\` text DEFAULT 'ok',
  	\`moderation_note\` text,
  	\`pending_changes\` text,
  	\`moderation_rank\` numeric,
  	\`territory_id\` integer,
  	\`is_example\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`attachment_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`announcements_kind_idx\` ON \`announcements\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`announcements_category_idx\` ON \`announcements\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_price_type_idx\` ON \`announcements\` (\`price_type\`);`)
  await db.run(sql`CREATE INDEX \`announcements_commune_idx\` ON \`announcements\` (\`commune_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_latitude_idx\` ON \`announcements\` (\`latitude\`);`)
  await db.run(sql`CREATE INDEX \`announcements_longitude_idx\` ON \`announcements\` (\`longitude\`);`)
  await db.run(sql`CREATE INDEX \`announcements_attachment_idx\` ON \`announcements\` (\`attachment_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_display_from_idx\` ON \`announcements\` (\`display_from\`);`)
  await db.run(sql`CREATE INDEX \`announcements_expires_at_idx\` ON \`announcements\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_author_idx\` ON \`announcements\` (\`author_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`announcements_slug_idx\` ON \`announcements\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`announcements_status_idx\` ON \`announcements\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`announcements_review_state_idx\` ON \`announcements\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`announcements_moderation_rank_idx\` ON \`announcements\` (\`moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`announcements_territory_idx\` ON \`announcements\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_updated_at_idx\` ON \`announcements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_created_at_idx\` ON \`announcements\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_announcements_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kind\` text NOT NULL,
  	\`version_title\` text NOT NULL,
  	\`version_body\` text NOT NULL,
  	\`version_category_id\` integer,
  	\`version_price_type\` text DEFAULT 'free',
  	\`version_commune_id\` integer NOT NULL,
  	\`version_street\` text,
  	\`version_postcode\` text,
  	\`version_latitude\` numeric,
  	\`version_longitude\` numeric,
  	\`version_attachment_id\` integer,
  	\`version_display_from\` text,
  	\`version_expires_at\` text,
  	\`version_expiry_warning_sent_at\` text,
  	\`version_author_id\` integer,
  	\`version_on_behalf_of_enabled\` integer,
  	\`version_on_behalf_of_resident_name\` text,
  	\`version_on_behalf_of_resident_phone\` text,
  	\`version_slug\` text,
  	\`version_status\` text NOT NULL,
  	\`version_rejection_reason\` text,
  	\`version_review_state\` text DEFAULT 'ok',
  	\`version_moderation_note\` text,
  	\`version_pending_changes\` text,
  	\`version_moderation_rank\` numeric,
  	\`version_territory_id\` integer,
  	\`version_is_example\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_attachment_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_announcements_v_parent_idx\` ON \`_announcements_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_kind_idx\` ON \`_announcements_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_category_idx\` ON \`_announcements_v\` (\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_price_type_idx\` ON \`_announcements_v\` (\`version_price_type\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_commune_idx\` ON \`_announcements_v\` (\`version_commune_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_latitude_idx\` ON \`_announcements_v\` (\`version_latitude\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_longitude_idx\` ON \`_announcements_v\` (\`version_longitude\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_attachment_idx\` ON \`_announcements_v\` (\`version_attachment_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_display_from_idx\` ON \`_announcements_v\` (\`version_display_from\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_expires_at_idx\` ON \`_announcements_v\` (\`version_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_author_idx\` ON \`_announcements_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_slug_idx\` ON \`_announcements_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_status_idx\` ON \`_announcements_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_review_state_idx\` ON \`_announcements_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_moderation_rank_idx\` ON \`_announcements_v\` (\`version_moderation_rank\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_territory_idx\` ON \`_announcements_v\` (\`version_territory_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_updated_at_idx\` ON \`_announcements_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_created_at_idx\` ON \`_announcements_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_created_at_idx\` ON \`_announcements_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_updated_at_idx\` ON \`_announcements_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`contact_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sender_name\` text NOT NULL,
  	\`sender_email\` text,
  	\`message\` text NOT NULL,
  	\`status\` text DEFAULT 'awaiting-confirmation' NOT NULL,
  	\`thread_id\` integer,
  	\`from_side\` text DEFAULT 'visitor',
  	\`flag_reason\` text,
  	\`confirmation_token\` text,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`thread_id\`) REFERENCES \`contact_requests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`contact_requests_status_idx\` ON \`contact_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_thread_idx\` ON \`contact_requests\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_confirmation_token_idx\` ON \`contact_requests\` (\`confirmation_token\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_territory_idx\` ON \`contact_requests\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_updated_at_idx\` ON \`contact_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_created_at_idx\` ON \`contact_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`contact_requests_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`businesses_id\` integer,
  	\`associations_id\` integer,
  	\`services_id\` integer,
  	\`announcements_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`contact_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`businesses_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`associations_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`announcements_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_order_idx\` ON \`contact_requests_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_parent_idx\` ON \`contact_requests_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_path_idx\` ON \`contact_requests_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_businesses_id_idx\` ON \`contact_requests_rels\` (\`businesses_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_associations_id_idx\` ON \`contact_requests_rels\` (\`associations_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_services_id_idx\` ON \`contact_requests_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_announcements_id_idx\` ON \`contact_requests_rels\` (\`announcements_id\`);`)
  await db.run(sql`CREATE INDEX \`contact_requests_rels_users_id_idx\` ON \`contact_requests_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`alerts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`query_words\` text,
  	\`query_commune_id\` integer,
  	\`query_radius_km\` numeric,
  	\`confirmed\` integer DEFAULT false,
  	\`token\` text,
  	\`last_sent_at\` text,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`query_commune_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`alerts_email_idx\` ON \`alerts\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`alerts_query_query_commune_idx\` ON \`alerts\` (\`query_commune_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_confirmed_idx\` ON \`alerts\` (\`confirmed\`);`)
  await db.run(sql`CREATE INDEX \`alerts_token_idx\` ON \`alerts\` (\`token\`);`)
  await db.run(sql`CREATE INDEX \`alerts_territory_idx\` ON \`alerts\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_updated_at_idx\` ON \`alerts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alerts_created_at_idx\` ON \`alerts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`alerts_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alerts_texts_order_parent\` ON \`alerts_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`alerts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`categories_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`alerts_rels_order_idx\` ON \`alerts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`alerts_rels_parent_idx\` ON \`alerts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_rels_path_idx\` ON \`alerts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`alerts_rels_categories_id_idx\` ON \`alerts_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE TABLE \`reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reason\` text NOT NULL,
  	\`message\` text,
  	\`reporter_email\` text,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_status_idx\` ON \`reports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`reports_territory_idx\` ON \`reports\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reports_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`businesses_id\` integer,
  	\`associations_id\` integer,
  	\`services_id\` integer,
  	\`announcements_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`businesses_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`associations_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`announcements_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_rels_order_idx\` ON \`reports_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_parent_idx\` ON \`reports_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_path_idx\` ON \`reports_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_businesses_id_idx\` ON \`reports_rels\` (\`businesses_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_associations_id_idx\` ON \`reports_rels\` (\`associations_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_services_id_idx\` ON \`reports_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_announcements_id_idx\` ON \`reports_rels\` (\`announcements_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`collection_slug\` text,
  	\`document_id\` text,
  	\`document_title\` text,
  	\`user_id\` integer,
  	\`details\` text,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_slug_idx\` ON \`audit_log\` (\`collection_slug\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_territory_idx\` ON \`audit_log\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`territories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`name_with_article\` text,
  	\`epci_code\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`address\` text,
  	\`primary_color\` text DEFAULT '#1d4f91',
  	\`accent_color\` text DEFAULT '#b34000',
  	\`logo_id\` integer,
  	\`settings_announcement_lifetime_days\` numeric DEFAULT 60,
  	\`settings_default_radius_km\` numeric DEFAULT 10,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`territories_epci_code_idx\` ON \`territories\` (\`epci_code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`territories_slug_idx\` ON \`territories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`territories_logo_idx\` ON \`territories\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`territories_updated_at_idx\` ON \`territories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`territories_created_at_idx\` ON \`territories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`territories_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`territories_texts_order_parent\` ON \`territories_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`communes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`insee_code\` text NOT NULL,
  	\`population\` numeric,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`epci_code\` text,
  	\`mairie_address\` text,
  	\`mairie_phone\` text,
  	\`mairie_email\` text,
  	\`mairie_hours\` text,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`communes_name_idx\` ON \`communes\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`communes_slug_idx\` ON \`communes\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`communes_insee_code_idx\` ON \`communes\` (\`insee_code\`);`)
  await db.run(sql`CREATE INDEX \`communes_latitude_idx\` ON \`communes\` (\`latitude\`);`)
  await db.run(sql`CREATE INDEX \`communes_longitude_idx\` ON \`communes\` (\`longitude\`);`)
  await db.run(sql`CREATE INDEX \`communes_epci_code_idx\` ON \`communes\` (\`epci_code\`);`)
  await db.run(sql`CREATE INDEX \`communes_territory_idx\` ON \`communes\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`communes_updated_at_idx\` ON \`communes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`communes_created_at_idx\` ON \`communes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`communes_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`communes_texts_order_parent\` ON \`communes_texts\` (\`order\`,\`parent_id\`);`)
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
  	\`name\` text NOT NULL,
  	\`territory_id\` integer,
  	\`phone\` text,
  	\`email_set_at\` text,
  	\`pending_email\` text,
  	\`pending_email_token\` text,
  	\`pending_email_expires_at\` text,
  	\`email_change_requested_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`_verified\` integer,
  	\`_verificationtoken\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_territory_idx\` ON \`users\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`communes_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_communes_id_idx\` ON \`users_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`territory_id\` integer,
  	\`public_from\` text,
  	\`public_until\` text,
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
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_territory_idx\` ON \`media\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`media_public_from_idx\` ON \`media\` (\`public_from\`);`)
  await db.run(sql`CREATE INDEX \`media_public_until_idx\` ON \`media\` (\`public_until\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`content\` text,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_territory_idx\` ON \`pages\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text NOT NULL,
  	\`version_slug\` text NOT NULL,
  	\`version_content\` text,
  	\`version_territory_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_territory_idx\` ON \`_pages_v\` (\`version_territory_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`usage_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`territory_id\` integer,
  	\`month\` text NOT NULL,
  	\`metric\` text NOT NULL,
  	\`dimension\` text NOT NULL,
  	\`count\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`usage_stats_key_idx\` ON \`usage_stats\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`usage_stats_territory_idx\` ON \`usage_stats\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_stats_month_idx\` ON \`usage_stats\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`usage_stats_metric_idx\` ON \`usage_stats\` (\`metric\`);`)
  await db.run(sql`CREATE INDEX \`usage_stats_updated_at_idx\` ON \`usage_stats\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`usage_stats_created_at_idx\` ON \`usage_stats\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`import_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`file_name\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`dry_run\` integer DEFAULT false,
  	\`state\` text DEFAULT 'running' NOT NULL,
  	\`total\` numeric DEFAULT 0,
  	\`processed\` numeric DEFAULT 0,
  	\`created\` numeric DEFAULT 0,
  	\`updated\` numeric DEFAULT 0,
  	\`refused\` numeric DEFAULT 0,
  	\`report\` text,
  	\`source\` text,
  	\`user_id\` integer,
  	\`territory_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`territory_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`import_runs_user_idx\` ON \`import_runs\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`import_runs_territory_idx\` ON \`import_runs\` (\`territory_id\`);`)
  await db.run(sql`CREATE INDEX \`import_runs_updated_at_idx\` ON \`import_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`import_runs_created_at_idx\` ON \`import_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
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
  	\`businesses_id\` integer,
  	\`associations_id\` integer,
  	\`services_id\` integer,
  	\`categories_id\` integer,
  	\`announcements_id\` integer,
  	\`contact_requests_id\` integer,
  	\`alerts_id\` integer,
  	\`reports_id\` integer,
  	\`audit_log_id\` integer,
  	\`territories_id\` integer,
  	\`communes_id\` integer,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	\`pages_id\` integer,
  	\`usage_stats_id\` integer,
  	\`import_runs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`businesses_id\`) REFERENCES \`businesses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`associations_id\`) REFERENCES \`associations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`announcements_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`contact_requests_id\`) REFERENCES \`contact_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alerts_id\`) REFERENCES \`alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`territories_id\`) REFERENCES \`territories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`communes_id\`) REFERENCES \`communes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`usage_stats_id\`) REFERENCES \`usage_stats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`import_runs_id\`) REFERENCES \`import_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_businesses_id_idx\` ON \`payload_locked_documents_rels\` (\`businesses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_associations_id_idx\` ON \`payload_locked_documents_rels\` (\`associations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_announcements_id_idx\` ON \`payload_locked_documents_rels\` (\`announcements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contact_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`contact_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_territories_id_idx\` ON \`payload_locked_documents_rels\` (\`territories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_communes_id_idx\` ON \`payload_locked_documents_rels\` (\`communes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_usage_stats_id_idx\` ON \`payload_locked_documents_rels\` (\`usage_stats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`import_runs_id\`);`)
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
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`businesses_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`businesses_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`businesses_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`businesses\`;`)
  await db.run(sql`DROP TABLE \`businesses_rels\`;`)
  await db.run(sql`DROP TABLE \`_businesses_v_version_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`_businesses_v_version_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`_businesses_v_version_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`_businesses_v\`;`)
  await db.run(sql`DROP TABLE \`_businesses_v_rels\`;`)
  await db.run(sql`DROP TABLE \`associations_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`associations_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`associations_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`associations\`;`)
  await db.run(sql`DROP TABLE \`associations_rels\`;`)
  await db.run(sql`DROP TABLE \`_associations_v_version_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`_associations_v_version_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`_associations_v_version_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`_associations_v\`;`)
  await db.run(sql`DROP TABLE \`_associations_v_rels\`;`)
  await db.run(sql`DROP TABLE \`services_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`services_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`services_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`DROP TABLE \`services_rels\`;`)
  await db.run(sql`DROP TABLE \`_services_v_version_opening_hours_weekly\`;`)
  await db.run(sql`DROP TABLE \`_services_v_version_opening_hours_closures\`;`)
  await db.run(sql`DROP TABLE \`_services_v_version_opening_hours_exceptions\`;`)
  await db.run(sql`DROP TABLE \`_services_v\`;`)
  await db.run(sql`DROP TABLE \`_services_v_rels\`;`)
  await db.run(sql`DROP TABLE \`categories\`;`)
  await db.run(sql`DROP TABLE \`announcements\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v\`;`)
  await db.run(sql`DROP TABLE \`contact_requests\`;`)
  await db.run(sql`DROP TABLE \`contact_requests_rels\`;`)
  await db.run(sql`DROP TABLE \`alerts\`;`)
  await db.run(sql`DROP TABLE \`alerts_texts\`;`)
  await db.run(sql`DROP TABLE \`alerts_rels\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`DROP TABLE \`reports_rels\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`territories\`;`)
  await db.run(sql`DROP TABLE \`territories_texts\`;`)
  await db.run(sql`DROP TABLE \`communes\`;`)
  await db.run(sql`DROP TABLE \`communes_texts\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`usage_stats\`;`)
  await db.run(sql`DROP TABLE \`import_runs\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
