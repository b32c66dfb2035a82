import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_businesses_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum_businesses_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_businesses_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum__businesses_v_version_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum__businesses_v_version_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__businesses_v_version_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum_associations_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum_associations_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_associations_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum__associations_v_version_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum__associations_v_version_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__associations_v_version_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum_services_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum_services_price_type" AS ENUM('free', 'paid', 'cesu');
  CREATE TYPE "public"."enum_services_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_services_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum__services_v_version_opening_hours_weekly_day" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum__services_v_version_price_type" AS ENUM('free', 'paid', 'cesu');
  CREATE TYPE "public"."enum__services_v_version_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__services_v_version_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum_announcements_kind" AS ENUM('offer', 'need', 'notice');
  CREATE TYPE "public"."enum_announcements_price_type" AS ENUM('free', 'paid', 'cesu');
  CREATE TYPE "public"."enum_announcements_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_announcements_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum__announcements_v_version_kind" AS ENUM('offer', 'need', 'notice');
  CREATE TYPE "public"."enum__announcements_v_version_price_type" AS ENUM('free', 'paid', 'cesu');
  CREATE TYPE "public"."enum__announcements_v_version_status" AS ENUM('pending', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__announcements_v_version_review_state" AS ENUM('ok', 'modified');
  CREATE TYPE "public"."enum_contact_requests_status" AS ENUM('awaiting-confirmation', 'sent', 'flagged', 'rejected');
  CREATE TYPE "public"."enum_contact_requests_from_side" AS ENUM('visitor', 'entry');
  CREATE TYPE "public"."enum_reports_reason" AS ENUM('wrong-information', 'closed', 'inappropriate', 'spam', 'other');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('open', 'resolved', 'dismissed');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('create', 'update', 'approve', 'reject', 'archive', 'review', 'delete');
  CREATE TYPE "public"."enum_audit_log_collection_slug" AS ENUM('businesses', 'associations', 'services', 'announcements', 'reports', 'contact-requests', 'categories', 'users', 'territories', 'communes', 'media', 'pages', 'alerts');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('superadmin', 'admin', 'editor', 'viewer', 'owner', 'resident');
  CREATE TYPE "public"."enum_pages_slug" AS ENUM('mentions-legales', 'confidentialite', 'accessibilite', 'a-propos');
  CREATE TYPE "public"."enum__pages_v_version_slug" AS ENUM('mentions-legales', 'confidentialite', 'accessibilite', 'a-propos');
  CREATE TYPE "public"."enum_usage_stats_metric" AS ENUM('search', 'search-empty', 'view', 'contact-request', 'new-entry', 'new-announcement', 'match');
  CREATE TYPE "public"."enum_import_runs_kind" AS ENUM('businesses', 'associations');
  CREATE TYPE "public"."enum_import_runs_state" AS ENUM('running', 'done', 'failed', 'interrupted');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'archiveExpiredAnnouncements', 'warnExpiringAnnouncements', 'sendAlertDigests', 'purgePersonalData', 'importSpreadsheet');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'archiveExpiredAnnouncements', 'warnExpiringAnnouncements', 'sendAlertDigests', 'purgePersonalData', 'importSpreadsheet');
  CREATE TABLE "businesses_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" "enum_businesses_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL
  );
  
  CREATE TABLE "businesses_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "businesses_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "businesses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"siret" varchar,
  	"activity" varchar,
  	"description" varchar,
  	"commune_id" integer NOT NULL,
  	"street" varchar,
  	"postcode" varchar,
  	"latitude" numeric,
  	"longitude" numeric,
  	"phone" varchar,
  	"email" varchar,
  	"website" varchar,
  	"opening_hours_note" varchar,
  	"slug" varchar,
  	"status" "enum_businesses_status" NOT NULL,
  	"rejection_reason" varchar,
  	"review_state" "enum_businesses_review_state" DEFAULT 'ok',
  	"moderation_note" varchar,
  	"pending_changes" jsonb,
  	"moderation_rank" numeric,
  	"territory_id" integer,
  	"is_example" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "businesses_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "_businesses_v_version_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" "enum__businesses_v_version_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_businesses_v_version_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_businesses_v_version_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_businesses_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar NOT NULL,
  	"version_siret" varchar,
  	"version_activity" varchar,
  	"version_description" varchar,
  	"version_commune_id" integer NOT NULL,
  	"version_street" varchar,
  	"version_postcode" varchar,
  	"version_latitude" numeric,
  	"version_longitude" numeric,
  	"version_phone" varchar,
  	"version_email" varchar,
  	"version_website" varchar,
  	"version_opening_hours_note" varchar,
  	"version_slug" varchar,
  	"version_status" "enum__businesses_v_version_status" NOT NULL,
  	"version_rejection_reason" varchar,
  	"version_review_state" "enum__businesses_v_version_review_state" DEFAULT 'ok',
  	"version_moderation_note" varchar,
  	"version_pending_changes" jsonb,
  	"version_moderation_rank" numeric,
  	"version_territory_id" integer,
  	"version_is_example" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_businesses_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "associations_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" "enum_associations_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL
  );
  
  CREATE TABLE "associations_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "associations_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "associations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"rna" varchar,
  	"siret" varchar,
  	"description" varchar,
  	"commune_id" integer NOT NULL,
  	"street" varchar,
  	"postcode" varchar,
  	"latitude" numeric,
  	"longitude" numeric,
  	"phone" varchar,
  	"email" varchar,
  	"website" varchar,
  	"opening_hours_note" varchar,
  	"slug" varchar,
  	"status" "enum_associations_status" NOT NULL,
  	"rejection_reason" varchar,
  	"review_state" "enum_associations_review_state" DEFAULT 'ok',
  	"moderation_note" varchar,
  	"pending_changes" jsonb,
  	"moderation_rank" numeric,
  	"territory_id" integer,
  	"is_example" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "associations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "_associations_v_version_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" "enum__associations_v_version_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_associations_v_version_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_associations_v_version_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_associations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar NOT NULL,
  	"version_rna" varchar,
  	"version_siret" varchar,
  	"version_description" varchar,
  	"version_commune_id" integer NOT NULL,
  	"version_street" varchar,
  	"version_postcode" varchar,
  	"version_latitude" numeric,
  	"version_longitude" numeric,
  	"version_phone" varchar,
  	"version_email" varchar,
  	"version_website" varchar,
  	"version_opening_hours_note" varchar,
  	"version_slug" varchar,
  	"version_status" "enum__associations_v_version_status" NOT NULL,
  	"version_rejection_reason" varchar,
  	"version_review_state" "enum__associations_v_version_review_state" DEFAULT 'ok',
  	"version_moderation_note" varchar,
  	"version_pending_changes" jsonb,
  	"version_moderation_rank" numeric,
  	"version_territory_id" integer,
  	"version_is_example" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_associations_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer,
  	"media_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "services_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" "enum_services_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL
  );
  
  CREATE TABLE "services_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "services_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"price_type" "enum_services_price_type" DEFAULT 'free' NOT NULL,
  	"availability" varchar,
  	"opening_hours_note" varchar,
  	"commune_id" integer NOT NULL,
  	"latitude" numeric,
  	"longitude" numeric,
  	"slug" varchar,
  	"status" "enum_services_status" NOT NULL,
  	"rejection_reason" varchar,
  	"review_state" "enum_services_review_state" DEFAULT 'ok',
  	"moderation_note" varchar,
  	"pending_changes" jsonb,
  	"moderation_rank" numeric,
  	"territory_id" integer,
  	"is_example" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "services_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"businesses_id" integer,
  	"associations_id" integer,
  	"categories_id" integer,
  	"communes_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "_services_v_version_opening_hours_weekly" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" "enum__services_v_version_opening_hours_weekly_day" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_services_v_version_opening_hours_closures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" timestamp(3) with time zone NOT NULL,
  	"to" timestamp(3) with time zone NOT NULL,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_services_v_version_opening_hours_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"closed" boolean,
  	"opens" varchar,
  	"closes" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_services_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar NOT NULL,
  	"version_description" varchar,
  	"version_price_type" "enum__services_v_version_price_type" DEFAULT 'free' NOT NULL,
  	"version_availability" varchar,
  	"version_opening_hours_note" varchar,
  	"version_commune_id" integer NOT NULL,
  	"version_latitude" numeric,
  	"version_longitude" numeric,
  	"version_slug" varchar,
  	"version_status" "enum__services_v_version_status" NOT NULL,
  	"version_rejection_reason" varchar,
  	"version_review_state" "enum__services_v_version_review_state" DEFAULT 'ok',
  	"version_moderation_note" varchar,
  	"version_pending_changes" jsonb,
  	"version_moderation_rank" numeric,
  	"version_territory_id" integer,
  	"version_is_example" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_services_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"businesses_id" integer,
  	"associations_id" integer,
  	"categories_id" integer,
  	"communes_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"parent_id" integer,
  	"description" varchar,
  	"keywords" varchar,
  	"icon" varchar,
  	"order" numeric DEFAULT 100,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "announcements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_announcements_kind" NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"category_id" integer,
  	"price_type" "enum_announcements_price_type" DEFAULT 'free',
  	"commune_id" integer NOT NULL,
  	"street" varchar,
  	"postcode" varchar,
  	"latitude" numeric,
  	"longitude" numeric,
  	"attachment_id" integer,
  	"display_from" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"expiry_warning_sent_at" timestamp(3) with time zone,
  	"author_id" integer,
  	"on_behalf_of_enabled" boolean,
  	"on_behalf_of_resident_name" varchar,
  	"on_behalf_of_resident_phone" varchar,
  	"slug" varchar,
  	"status" "enum_announcements_status" NOT NULL,
  	"rejection_reason" varchar,
  	"review_state" "enum_announcements_review_state" DEFAULT 'ok',
  	"moderation_note" varchar,
  	"pending_changes" jsonb,
  	"moderation_rank" numeric,
  	"territory_id" integer,
  	"is_example" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_announcements_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_kind" "enum__announcements_v_version_kind" NOT NULL,
  	"version_title" varchar NOT NULL,
  	"version_body" varchar NOT NULL,
  	"version_category_id" integer,
  	"version_price_type" "enum__announcements_v_version_price_type" DEFAULT 'free',
  	"version_commune_id" integer NOT NULL,
  	"version_street" varchar,
  	"version_postcode" varchar,
  	"version_latitude" numeric,
  	"version_longitude" numeric,
  	"version_attachment_id" integer,
  	"version_display_from" timestamp(3) with time zone,
  	"version_expires_at" timestamp(3) with time zone,
  	"version_expiry_warning_sent_at" timestamp(3) with time zone,
  	"version_author_id" integer,
  	"version_on_behalf_of_enabled" boolean,
  	"version_on_behalf_of_resident_name" varchar,
  	"version_on_behalf_of_resident_phone" varchar,
  	"version_slug" varchar,
  	"version_status" "enum__announcements_v_version_status" NOT NULL,
  	"version_rejection_reason" varchar,
  	"version_review_state" "enum__announcements_v_version_review_state" DEFAULT 'ok',
  	"version_moderation_note" varchar,
  	"version_pending_changes" jsonb,
  	"version_moderation_rank" numeric,
  	"version_territory_id" integer,
  	"version_is_example" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "contact_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sender_name" varchar NOT NULL,
  	"sender_email" varchar,
  	"message" varchar NOT NULL,
  	"status" "enum_contact_requests_status" DEFAULT 'awaiting-confirmation' NOT NULL,
  	"thread_id" integer,
  	"from_side" "enum_contact_requests_from_side" DEFAULT 'visitor',
  	"flag_reason" varchar,
  	"confirmation_token" varchar,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "contact_requests_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"businesses_id" integer,
  	"associations_id" integer,
  	"services_id" integer,
  	"announcements_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"query_words" varchar,
  	"query_commune_id" integer,
  	"query_radius_km" numeric,
  	"confirmed" boolean DEFAULT false,
  	"token" varchar,
  	"last_sent_at" timestamp(3) with time zone,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "alerts_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "alerts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"categories_id" integer
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reason" "enum_reports_reason" NOT NULL,
  	"message" varchar,
  	"reporter_email" varchar,
  	"status" "enum_reports_status" DEFAULT 'open' NOT NULL,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"businesses_id" integer,
  	"associations_id" integer,
  	"services_id" integer,
  	"announcements_id" integer
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"collection_slug" "enum_audit_log_collection_slug",
  	"document_id" varchar,
  	"document_title" varchar,
  	"user_id" integer,
  	"details" varchar,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "territories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"name_with_article" varchar,
  	"epci_code" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"contact_email" varchar,
  	"contact_phone" varchar,
  	"address" varchar,
  	"primary_color" varchar DEFAULT '#1d4f91',
  	"accent_color" varchar DEFAULT '#b34000',
  	"logo_id" integer,
  	"settings_announcement_lifetime_days" numeric DEFAULT 60,
  	"settings_default_radius_km" numeric DEFAULT 10,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "territories_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "communes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"insee_code" varchar NOT NULL,
  	"population" numeric,
  	"latitude" numeric,
  	"longitude" numeric,
  	"epci_code" varchar,
  	"mairie_address" varchar,
  	"mairie_phone" varchar,
  	"mairie_email" varchar,
  	"mairie_hours" varchar,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "communes_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"territory_id" integer,
  	"phone" varchar,
  	"email_set_at" timestamp(3) with time zone,
  	"pending_email" varchar,
  	"pending_email_token" varchar,
  	"pending_email_expires_at" timestamp(3) with time zone,
  	"email_change_requested_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"_verified" boolean,
  	"_verificationtoken" varchar,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"communes_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar NOT NULL,
  	"uploaded_by_id" integer,
  	"territory_id" integer,
  	"public_from" timestamp(3) with time zone,
  	"public_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar
  );
  
  CREATE TABLE "pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" "enum_pages_slug" NOT NULL,
  	"content" jsonb,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar NOT NULL,
  	"version_slug" "enum__pages_v_version_slug" NOT NULL,
  	"version_content" jsonb,
  	"version_territory_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "usage_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"territory_id" integer,
  	"month" varchar NOT NULL,
  	"metric" "enum_usage_stats_metric" NOT NULL,
  	"dimension" varchar NOT NULL,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "import_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"file_name" varchar NOT NULL,
  	"kind" "enum_import_runs_kind" NOT NULL,
  	"dry_run" boolean DEFAULT false,
  	"state" "enum_import_runs_state" DEFAULT 'running' NOT NULL,
  	"total" numeric DEFAULT 0,
  	"processed" numeric DEFAULT 0,
  	"created" numeric DEFAULT 0,
  	"updated" numeric DEFAULT 0,
  	"refused" numeric DEFAULT 0,
  	"report" jsonb,
  	"source" jsonb,
  	"user_id" integer,
  	"territory_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"businesses_id" integer,
  	"associations_id" integer,
  	"services_id" integer,
  	"categories_id" integer,
  	"announcements_id" integer,
  	"contact_requests_id" integer,
  	"alerts_id" integer,
  	"reports_id" integer,
  	"audit_log_id" integer,
  	"territories_id" integer,
  	"communes_id" integer,
  	"users_id" integer,
  	"media_id" integer,
  	"pages_id" integer,
  	"usage_stats_id" integer,
  	"import_runs_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "businesses_opening_hours_weekly" ADD CONSTRAINT "businesses_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses_opening_hours_closures" ADD CONSTRAINT "businesses_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses_opening_hours_exceptions" ADD CONSTRAINT "businesses_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses" ADD CONSTRAINT "businesses_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "businesses" ADD CONSTRAINT "businesses_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "businesses_rels" ADD CONSTRAINT "businesses_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses_rels" ADD CONSTRAINT "businesses_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses_rels" ADD CONSTRAINT "businesses_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "businesses_rels" ADD CONSTRAINT "businesses_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_version_opening_hours_weekly" ADD CONSTRAINT "_businesses_v_version_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_businesses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_version_opening_hours_closures" ADD CONSTRAINT "_businesses_v_version_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_businesses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_version_opening_hours_exceptions" ADD CONSTRAINT "_businesses_v_version_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_businesses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v" ADD CONSTRAINT "_businesses_v_parent_id_businesses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."businesses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_businesses_v" ADD CONSTRAINT "_businesses_v_version_commune_id_communes_id_fk" FOREIGN KEY ("version_commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_businesses_v" ADD CONSTRAINT "_businesses_v_version_territory_id_territories_id_fk" FOREIGN KEY ("version_territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_businesses_v_rels" ADD CONSTRAINT "_businesses_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_businesses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_rels" ADD CONSTRAINT "_businesses_v_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_rels" ADD CONSTRAINT "_businesses_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_businesses_v_rels" ADD CONSTRAINT "_businesses_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_opening_hours_weekly" ADD CONSTRAINT "associations_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_opening_hours_closures" ADD CONSTRAINT "associations_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_opening_hours_exceptions" ADD CONSTRAINT "associations_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations" ADD CONSTRAINT "associations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "associations" ADD CONSTRAINT "associations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "associations_rels" ADD CONSTRAINT "associations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_rels" ADD CONSTRAINT "associations_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_rels" ADD CONSTRAINT "associations_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "associations_rels" ADD CONSTRAINT "associations_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_version_opening_hours_weekly" ADD CONSTRAINT "_associations_v_version_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_associations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_version_opening_hours_closures" ADD CONSTRAINT "_associations_v_version_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_associations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_version_opening_hours_exceptions" ADD CONSTRAINT "_associations_v_version_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_associations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v" ADD CONSTRAINT "_associations_v_parent_id_associations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."associations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_associations_v" ADD CONSTRAINT "_associations_v_version_commune_id_communes_id_fk" FOREIGN KEY ("version_commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_associations_v" ADD CONSTRAINT "_associations_v_version_territory_id_territories_id_fk" FOREIGN KEY ("version_territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_associations_v_rels" ADD CONSTRAINT "_associations_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_associations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_rels" ADD CONSTRAINT "_associations_v_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_rels" ADD CONSTRAINT "_associations_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_associations_v_rels" ADD CONSTRAINT "_associations_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_opening_hours_weekly" ADD CONSTRAINT "services_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_opening_hours_closures" ADD CONSTRAINT "services_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_opening_hours_exceptions" ADD CONSTRAINT "services_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services" ADD CONSTRAINT "services_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "services" ADD CONSTRAINT "services_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_businesses_fk" FOREIGN KEY ("businesses_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_associations_fk" FOREIGN KEY ("associations_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_communes_fk" FOREIGN KEY ("communes_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "services_rels" ADD CONSTRAINT "services_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_version_opening_hours_weekly" ADD CONSTRAINT "_services_v_version_opening_hours_weekly_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_version_opening_hours_closures" ADD CONSTRAINT "_services_v_version_opening_hours_closures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_version_opening_hours_exceptions" ADD CONSTRAINT "_services_v_version_opening_hours_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v" ADD CONSTRAINT "_services_v_parent_id_services_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_services_v" ADD CONSTRAINT "_services_v_version_commune_id_communes_id_fk" FOREIGN KEY ("version_commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_services_v" ADD CONSTRAINT "_services_v_version_territory_id_territories_id_fk" FOREIGN KEY ("version_territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_businesses_fk" FOREIGN KEY ("businesses_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_associations_fk" FOREIGN KEY ("associations_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_communes_fk" FOREIGN KEY ("communes_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_services_v_rels" ADD CONSTRAINT "_services_v_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "categories" ADD CONSTRAINT "categories_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_attachment_id_media_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_parent_id_announcements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_version_commune_id_communes_id_fk" FOREIGN KEY ("version_commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_version_attachment_id_media_id_fk" FOREIGN KEY ("version_attachment_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_announcements_v" ADD CONSTRAINT "_announcements_v_version_territory_id_territories_id_fk" FOREIGN KEY ("version_territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_thread_id_contact_requests_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."contact_requests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_businesses_fk" FOREIGN KEY ("businesses_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_associations_fk" FOREIGN KEY ("associations_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_requests_rels" ADD CONSTRAINT "contact_requests_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alerts" ADD CONSTRAINT "alerts_query_commune_id_communes_id_fk" FOREIGN KEY ("query_commune_id") REFERENCES "public"."communes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alerts" ADD CONSTRAINT "alerts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alerts_texts" ADD CONSTRAINT "alerts_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alerts_rels" ADD CONSTRAINT "alerts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alerts_rels" ADD CONSTRAINT "alerts_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_businesses_fk" FOREIGN KEY ("businesses_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_associations_fk" FOREIGN KEY ("associations_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "territories" ADD CONSTRAINT "territories_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "territories_texts" ADD CONSTRAINT "territories_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "communes" ADD CONSTRAINT "communes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "communes_texts" ADD CONSTRAINT "communes_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_communes_fk" FOREIGN KEY ("communes_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_territory_id_territories_id_fk" FOREIGN KEY ("version_territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_stats" ADD CONSTRAINT "usage_stats_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_businesses_fk" FOREIGN KEY ("businesses_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_associations_fk" FOREIGN KEY ("associations_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_contact_requests_fk" FOREIGN KEY ("contact_requests_id") REFERENCES "public"."contact_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alerts_fk" FOREIGN KEY ("alerts_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_log_fk" FOREIGN KEY ("audit_log_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_territories_fk" FOREIGN KEY ("territories_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_communes_fk" FOREIGN KEY ("communes_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_usage_stats_fk" FOREIGN KEY ("usage_stats_id") REFERENCES "public"."usage_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_runs_fk" FOREIGN KEY ("import_runs_id") REFERENCES "public"."import_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "businesses_opening_hours_weekly_order_idx" ON "businesses_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "businesses_opening_hours_weekly_parent_id_idx" ON "businesses_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "businesses_opening_hours_closures_order_idx" ON "businesses_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "businesses_opening_hours_closures_parent_id_idx" ON "businesses_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "businesses_opening_hours_exceptions_order_idx" ON "businesses_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "businesses_opening_hours_exceptions_parent_id_idx" ON "businesses_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "businesses_siret_idx" ON "businesses" USING btree ("siret");
  CREATE INDEX "businesses_commune_idx" ON "businesses" USING btree ("commune_id");
  CREATE INDEX "businesses_latitude_idx" ON "businesses" USING btree ("latitude");
  CREATE INDEX "businesses_longitude_idx" ON "businesses" USING btree ("longitude");
  CREATE UNIQUE INDEX "businesses_slug_idx" ON "businesses" USING btree ("slug");
  CREATE INDEX "businesses_status_idx" ON "businesses" USING btree ("status");
  CREATE INDEX "businesses_review_state_idx" ON "businesses" USING btree ("review_state");
  CREATE INDEX "businesses_moderation_rank_idx" ON "businesses" USING btree ("moderation_rank");
  CREATE INDEX "businesses_territory_idx" ON "businesses" USING btree ("territory_id");
  CREATE INDEX "businesses_updated_at_idx" ON "businesses" USING btree ("updated_at");
  CREATE INDEX "businesses_created_at_idx" ON "businesses" USING btree ("created_at");
  CREATE INDEX "businesses_rels_order_idx" ON "businesses_rels" USING btree ("order");
  CREATE INDEX "businesses_rels_parent_idx" ON "businesses_rels" USING btree ("parent_id");
  CREATE INDEX "businesses_rels_path_idx" ON "businesses_rels" USING btree ("path");
  CREATE INDEX "businesses_rels_categories_id_idx" ON "businesses_rels" USING btree ("categories_id");
  CREATE INDEX "businesses_rels_media_id_idx" ON "businesses_rels" USING btree ("media_id");
  CREATE INDEX "businesses_rels_users_id_idx" ON "businesses_rels" USING btree ("users_id");
  CREATE INDEX "_businesses_v_version_opening_hours_weekly_order_idx" ON "_businesses_v_version_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "_businesses_v_version_opening_hours_weekly_parent_id_idx" ON "_businesses_v_version_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "_businesses_v_version_opening_hours_closures_order_idx" ON "_businesses_v_version_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "_businesses_v_version_opening_hours_closures_parent_id_idx" ON "_businesses_v_version_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "_businesses_v_version_opening_hours_exceptions_order_idx" ON "_businesses_v_version_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "_businesses_v_version_opening_hours_exceptions_parent_id_idx" ON "_businesses_v_version_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "_businesses_v_parent_idx" ON "_businesses_v" USING btree ("parent_id");
  CREATE INDEX "_businesses_v_version_version_siret_idx" ON "_businesses_v" USING btree ("version_siret");
  CREATE INDEX "_businesses_v_version_version_commune_idx" ON "_businesses_v" USING btree ("version_commune_id");
  CREATE INDEX "_businesses_v_version_version_latitude_idx" ON "_businesses_v" USING btree ("version_latitude");
  CREATE INDEX "_businesses_v_version_version_longitude_idx" ON "_businesses_v" USING btree ("version_longitude");
  CREATE INDEX "_businesses_v_version_version_slug_idx" ON "_businesses_v" USING btree ("version_slug");
  CREATE INDEX "_businesses_v_version_version_status_idx" ON "_businesses_v" USING btree ("version_status");
  CREATE INDEX "_businesses_v_version_version_review_state_idx" ON "_businesses_v" USING btree ("version_review_state");
  CREATE INDEX "_businesses_v_version_version_moderation_rank_idx" ON "_businesses_v" USING btree ("version_moderation_rank");
  CREATE INDEX "_businesses_v_version_version_territory_idx" ON "_businesses_v" USING btree ("version_territory_id");
  CREATE INDEX "_businesses_v_version_version_updated_at_idx" ON "_businesses_v" USING btree ("version_updated_at");
  CREATE INDEX "_businesses_v_version_version_created_at_idx" ON "_businesses_v" USING btree ("version_created_at");
  CREATE INDEX "_businesses_v_created_at_idx" ON "_businesses_v" USING btree ("created_at");
  CREATE INDEX "_businesses_v_updated_at_idx" ON "_businesses_v" USING btree ("updated_at");
  CREATE INDEX "_businesses_v_rels_order_idx" ON "_businesses_v_rels" USING btree ("order");
  CREATE INDEX "_businesses_v_rels_parent_idx" ON "_businesses_v_rels" USING btree ("parent_id");
  CREATE INDEX "_businesses_v_rels_path_idx" ON "_businesses_v_rels" USING btree ("path");
  CREATE INDEX "_businesses_v_rels_categories_id_idx" ON "_businesses_v_rels" USING btree ("categories_id");
  CREATE INDEX "_businesses_v_rels_media_id_idx" ON "_businesses_v_rels" USING btree ("media_id");
  CREATE INDEX "_businesses_v_rels_users_id_idx" ON "_businesses_v_rels" USING btree ("users_id");
  CREATE INDEX "associations_opening_hours_weekly_order_idx" ON "associations_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "associations_opening_hours_weekly_parent_id_idx" ON "associations_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "associations_opening_hours_closures_order_idx" ON "associations_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "associations_opening_hours_closures_parent_id_idx" ON "associations_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "associations_opening_hours_exceptions_order_idx" ON "associations_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "associations_opening_hours_exceptions_parent_id_idx" ON "associations_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "associations_rna_idx" ON "associations" USING btree ("rna");
  CREATE INDEX "associations_commune_idx" ON "associations" USING btree ("commune_id");
  CREATE INDEX "associations_latitude_idx" ON "associations" USING btree ("latitude");
  CREATE INDEX "associations_longitude_idx" ON "associations" USING btree ("longitude");
  CREATE UNIQUE INDEX "associations_slug_idx" ON "associations" USING btree ("slug");
  CREATE INDEX "associations_status_idx" ON "associations" USING btree ("status");
  CREATE INDEX "associations_review_state_idx" ON "associations" USING btree ("review_state");
  CREATE INDEX "associations_moderation_rank_idx" ON "associations" USING btree ("moderation_rank");
  CREATE INDEX "associations_territory_idx" ON "associations" USING btree ("territory_id");
  CREATE INDEX "associations_updated_at_idx" ON "associations" USING btree ("updated_at");
  CREATE INDEX "associations_created_at_idx" ON "associations" USING btree ("created_at");
  CREATE INDEX "associations_rels_order_idx" ON "associations_rels" USING btree ("order");
  CREATE INDEX "associations_rels_parent_idx" ON "associations_rels" USING btree ("parent_id");
  CREATE INDEX "associations_rels_path_idx" ON "associations_rels" USING btree ("path");
  CREATE INDEX "associations_rels_categories_id_idx" ON "associations_rels" USING btree ("categories_id");
  CREATE INDEX "associations_rels_media_id_idx" ON "associations_rels" USING btree ("media_id");
  CREATE INDEX "associations_rels_users_id_idx" ON "associations_rels" USING btree ("users_id");
  CREATE INDEX "_associations_v_version_opening_hours_weekly_order_idx" ON "_associations_v_version_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "_associations_v_version_opening_hours_weekly_parent_id_idx" ON "_associations_v_version_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "_associations_v_version_opening_hours_closures_order_idx" ON "_associations_v_version_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "_associations_v_version_opening_hours_closures_parent_id_idx" ON "_associations_v_version_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "_associations_v_version_opening_hours_exceptions_order_idx" ON "_associations_v_version_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "_associations_v_version_opening_hours_exceptions_parent_id_idx" ON "_associations_v_version_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "_associations_v_parent_idx" ON "_associations_v" USING btree ("parent_id");
  CREATE INDEX "_associations_v_version_version_rna_idx" ON "_associations_v" USING btree ("version_rna");
  CREATE INDEX "_associations_v_version_version_commune_idx" ON "_associations_v" USING btree ("version_commune_id");
  CREATE INDEX "_associations_v_version_version_latitude_idx" ON "_associations_v" USING btree ("version_latitude");
  CREATE INDEX "_associations_v_version_version_longitude_idx" ON "_associations_v" USING btree ("version_longitude");
  CREATE INDEX "_associations_v_version_version_slug_idx" ON "_associations_v" USING btree ("version_slug");
  CREATE INDEX "_associations_v_version_version_status_idx" ON "_associations_v" USING btree ("version_status");
  CREATE INDEX "_associations_v_version_version_review_state_idx" ON "_associations_v" USING btree ("version_review_state");
  CREATE INDEX "_associations_v_version_version_moderation_rank_idx" ON "_associations_v" USING btree ("version_moderation_rank");
  CREATE INDEX "_associations_v_version_version_territory_idx" ON "_associations_v" USING btree ("version_territory_id");
  CREATE INDEX "_associations_v_version_version_updated_at_idx" ON "_associations_v" USING btree ("version_updated_at");
  CREATE INDEX "_associations_v_version_version_created_at_idx" ON "_associations_v" USING btree ("version_created_at");
  CREATE INDEX "_associations_v_created_at_idx" ON "_associations_v" USING btree ("created_at");
  CREATE INDEX "_associations_v_updated_at_idx" ON "_associations_v" USING btree ("updated_at");
  CREATE INDEX "_associations_v_rels_order_idx" ON "_associations_v_rels" USING btree ("order");
  CREATE INDEX "_associations_v_rels_parent_idx" ON "_associations_v_rels" USING btree ("parent_id");
  CREATE INDEX "_associations_v_rels_path_idx" ON "_associations_v_rels" USING btree ("path");
  CREATE INDEX "_associations_v_rels_categories_id_idx" ON "_associations_v_rels" USING btree ("categories_id");
  CREATE INDEX "_associations_v_rels_media_id_idx" ON "_associations_v_rels" USING btree ("media_id");
  CREATE INDEX "_associations_v_rels_users_id_idx" ON "_associations_v_rels" USING btree ("users_id");
  CREATE INDEX "services_opening_hours_weekly_order_idx" ON "services_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "services_opening_hours_weekly_parent_id_idx" ON "services_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "services_opening_hours_closures_order_idx" ON "services_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "services_opening_hours_closures_parent_id_idx" ON "services_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "services_opening_hours_exceptions_order_idx" ON "services_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "services_opening_hours_exceptions_parent_id_idx" ON "services_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "services_price_type_idx" ON "services" USING btree ("price_type");
  CREATE INDEX "services_commune_idx" ON "services" USING btree ("commune_id");
  CREATE INDEX "services_latitude_idx" ON "services" USING btree ("latitude");
  CREATE INDEX "services_longitude_idx" ON "services" USING btree ("longitude");
  CREATE UNIQUE INDEX "services_slug_idx" ON "services" USING btree ("slug");
  CREATE INDEX "services_status_idx" ON "services" USING btree ("status");
  CREATE INDEX "services_review_state_idx" ON "services" USING btree ("review_state");
  CREATE INDEX "services_moderation_rank_idx" ON "services" USING btree ("moderation_rank");
  CREATE INDEX "services_territory_idx" ON "services" USING btree ("territory_id");
  CREATE INDEX "services_updated_at_idx" ON "services" USING btree ("updated_at");
  CREATE INDEX "services_created_at_idx" ON "services" USING btree ("created_at");
  CREATE INDEX "services_rels_order_idx" ON "services_rels" USING btree ("order");
  CREATE INDEX "services_rels_parent_idx" ON "services_rels" USING btree ("parent_id");
  CREATE INDEX "services_rels_path_idx" ON "services_rels" USING btree ("path");
  CREATE INDEX "services_rels_businesses_id_idx" ON "services_rels" USING btree ("businesses_id");
  CREATE INDEX "services_rels_associations_id_idx" ON "services_rels" USING btree ("associations_id");
  CREATE INDEX "services_rels_categories_id_idx" ON "services_rels" USING btree ("categories_id");
  CREATE INDEX "services_rels_communes_id_idx" ON "services_rels" USING btree ("communes_id");
  CREATE INDEX "services_rels_users_id_idx" ON "services_rels" USING btree ("users_id");
  CREATE INDEX "_services_v_version_opening_hours_weekly_order_idx" ON "_services_v_version_opening_hours_weekly" USING btree ("_order");
  CREATE INDEX "_services_v_version_opening_hours_weekly_parent_id_idx" ON "_services_v_version_opening_hours_weekly" USING btree ("_parent_id");
  CREATE INDEX "_services_v_version_opening_hours_closures_order_idx" ON "_services_v_version_opening_hours_closures" USING btree ("_order");
  CREATE INDEX "_services_v_version_opening_hours_closures_parent_id_idx" ON "_services_v_version_opening_hours_closures" USING btree ("_parent_id");
  CREATE INDEX "_services_v_version_opening_hours_exceptions_order_idx" ON "_services_v_version_opening_hours_exceptions" USING btree ("_order");
  CREATE INDEX "_services_v_version_opening_hours_exceptions_parent_id_idx" ON "_services_v_version_opening_hours_exceptions" USING btree ("_parent_id");
  CREATE INDEX "_services_v_parent_idx" ON "_services_v" USING btree ("parent_id");
  CREATE INDEX "_services_v_version_version_price_type_idx" ON "_services_v" USING btree ("version_price_type");
  CREATE INDEX "_services_v_version_version_commune_idx" ON "_services_v" USING btree ("version_commune_id");
  CREATE INDEX "_services_v_version_version_latitude_idx" ON "_services_v" USING btree ("version_latitude");
  CREATE INDEX "_services_v_version_version_longitude_idx" ON "_services_v" USING btree ("version_longitude");
  CREATE INDEX "_services_v_version_version_slug_idx" ON "_services_v" USING btree ("version_slug");
  CREATE INDEX "_services_v_version_version_status_idx" ON "_services_v" USING btree ("version_status");
  CREATE INDEX "_services_v_version_version_review_state_idx" ON "_services_v" USING btree ("version_review_state");
  CREATE INDEX "_services_v_version_version_moderation_rank_idx" ON "_services_v" USING btree ("version_moderation_rank");
  CREATE INDEX "_services_v_version_version_territory_idx" ON "_services_v" USING btree ("version_territory_id");
  CREATE INDEX "_services_v_version_version_updated_at_idx" ON "_services_v" USING btree ("version_updated_at");
  CREATE INDEX "_services_v_version_version_created_at_idx" ON "_services_v" USING btree ("version_created_at");
  CREATE INDEX "_services_v_created_at_idx" ON "_services_v" USING btree ("created_at");
  CREATE INDEX "_services_v_updated_at_idx" ON "_services_v" USING btree ("updated_at");
  CREATE INDEX "_services_v_rels_order_idx" ON "_services_v_rels" USING btree ("order");
  CREATE INDEX "_services_v_rels_parent_idx" ON "_services_v_rels" USING btree ("parent_id");
  CREATE INDEX "_services_v_rels_path_idx" ON "_services_v_rels" USING btree ("path");
  CREATE INDEX "_services_v_rels_businesses_id_idx" ON "_services_v_rels" USING btree ("businesses_id");
  CREATE INDEX "_services_v_rels_associations_id_idx" ON "_services_v_rels" USING btree ("associations_id");
  CREATE INDEX "_services_v_rels_categories_id_idx" ON "_services_v_rels" USING btree ("categories_id");
  CREATE INDEX "_services_v_rels_communes_id_idx" ON "_services_v_rels" USING btree ("communes_id");
  CREATE INDEX "_services_v_rels_users_id_idx" ON "_services_v_rels" USING btree ("users_id");
  CREATE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_id");
  CREATE INDEX "categories_order_idx" ON "categories" USING btree ("order");
  CREATE INDEX "categories_territory_idx" ON "categories" USING btree ("territory_id");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE INDEX "announcements_kind_idx" ON "announcements" USING btree ("kind");
  CREATE INDEX "announcements_category_idx" ON "announcements" USING btree ("category_id");
  CREATE INDEX "announcements_price_type_idx" ON "announcements" USING btree ("price_type");
  CREATE INDEX "announcements_commune_idx" ON "announcements" USING btree ("commune_id");
  CREATE INDEX "announcements_latitude_idx" ON "announcements" USING btree ("latitude");
  CREATE INDEX "announcements_longitude_idx" ON "announcements" USING btree ("longitude");
  CREATE INDEX "announcements_attachment_idx" ON "announcements" USING btree ("attachment_id");
  CREATE INDEX "announcements_display_from_idx" ON "announcements" USING btree ("display_from");
  CREATE INDEX "announcements_expires_at_idx" ON "announcements" USING btree ("expires_at");
  CREATE INDEX "announcements_author_idx" ON "announcements" USING btree ("author_id");
  CREATE UNIQUE INDEX "announcements_slug_idx" ON "announcements" USING btree ("slug");
  CREATE INDEX "announcements_status_idx" ON "announcements" USING btree ("status");
  CREATE INDEX "announcements_review_state_idx" ON "announcements" USING btree ("review_state");
  CREATE INDEX "announcements_moderation_rank_idx" ON "announcements" USING btree ("moderation_rank");
  CREATE INDEX "announcements_territory_idx" ON "announcements" USING btree ("territory_id");
  CREATE INDEX "announcements_updated_at_idx" ON "announcements" USING btree ("updated_at");
  CREATE INDEX "announcements_created_at_idx" ON "announcements" USING btree ("created_at");
  CREATE INDEX "_announcements_v_parent_idx" ON "_announcements_v" USING btree ("parent_id");
  CREATE INDEX "_announcements_v_version_version_kind_idx" ON "_announcements_v" USING btree ("version_kind");
  CREATE INDEX "_announcements_v_version_version_category_idx" ON "_announcements_v" USING btree ("version_category_id");
  CREATE INDEX "_announcements_v_version_version_price_type_idx" ON "_announcements_v" USING btree ("version_price_type");
  CREATE INDEX "_announcements_v_version_version_commune_idx" ON "_announcements_v" USING btree ("version_commune_id");
  CREATE INDEX "_announcements_v_version_version_latitude_idx" ON "_announcements_v" USING btree ("version_latitude");
  CREATE INDEX "_announcements_v_version_version_longitude_idx" ON "_announcements_v" USING btree ("version_longitude");
  CREATE INDEX "_announcements_v_version_version_attachment_idx" ON "_announcements_v" USING btree ("version_attachment_id");
  CREATE INDEX "_announcements_v_version_version_display_from_idx" ON "_announcements_v" USING btree ("version_display_from");
  CREATE INDEX "_announcements_v_version_version_expires_at_idx" ON "_announcements_v" USING btree ("version_expires_at");
  CREATE INDEX "_announcements_v_version_version_author_idx" ON "_announcements_v" USING btree ("version_author_id");
  CREATE INDEX "_announcements_v_version_version_slug_idx" ON "_announcements_v" USING btree ("version_slug");
  CREATE INDEX "_announcements_v_version_version_status_idx" ON "_announcements_v" USING btree ("version_status");
  CREATE INDEX "_announcements_v_version_version_review_state_idx" ON "_announcements_v" USING btree ("version_review_state");
  CREATE INDEX "_announcements_v_version_version_moderation_rank_idx" ON "_announcements_v" USING btree ("version_moderation_rank");
  CREATE INDEX "_announcements_v_version_version_territory_idx" ON "_announcements_v" USING btree ("version_territory_id");
  CREATE INDEX "_announcements_v_version_version_updated_at_idx" ON "_announcements_v" USING btree ("version_updated_at");
  CREATE INDEX "_announcements_v_version_version_created_at_idx" ON "_announcements_v" USING btree ("version_created_at");
  CREATE INDEX "_announcements_v_created_at_idx" ON "_announcements_v" USING btree ("created_at");
  CREATE INDEX "_announcements_v_updated_at_idx" ON "_announcements_v" USING btree ("updated_at");
  CREATE INDEX "contact_requests_status_idx" ON "contact_requests" USING btree ("status");
  CREATE INDEX "contact_requests_thread_idx" ON "contact_requests" USING btree ("thread_id");
  CREATE INDEX "contact_requests_confirmation_token_idx" ON "contact_requests" USING btree ("confirmation_token");
  CREATE INDEX "contact_requests_territory_idx" ON "contact_requests" USING btree ("territory_id");
  CREATE INDEX "contact_requests_updated_at_idx" ON "contact_requests" USING btree ("updated_at");
  CREATE INDEX "contact_requests_created_at_idx" ON "contact_requests" USING btree ("created_at");
  CREATE INDEX "contact_requests_rels_order_idx" ON "contact_requests_rels" USING btree ("order");
  CREATE INDEX "contact_requests_rels_parent_idx" ON "contact_requests_rels" USING btree ("parent_id");
  CREATE INDEX "contact_requests_rels_path_idx" ON "contact_requests_rels" USING btree ("path");
  CREATE INDEX "contact_requests_rels_businesses_id_idx" ON "contact_requests_rels" USING btree ("businesses_id");
  CREATE INDEX "contact_requests_rels_associations_id_idx" ON "contact_requests_rels" USING btree ("associations_id");
  CREATE INDEX "contact_requests_rels_services_id_idx" ON "contact_requests_rels" USING btree ("services_id");
  CREATE INDEX "contact_requests_rels_announcements_id_idx" ON "contact_requests_rels" USING btree ("announcements_id");
  CREATE INDEX "contact_requests_rels_users_id_idx" ON "contact_requests_rels" USING btree ("users_id");
  CREATE INDEX "alerts_email_idx" ON "alerts" USING btree ("email");
  CREATE INDEX "alerts_query_query_commune_idx" ON "alerts" USING btree ("query_commune_id");
  CREATE INDEX "alerts_confirmed_idx" ON "alerts" USING btree ("confirmed");
  CREATE INDEX "alerts_token_idx" ON "alerts" USING btree ("token");
  CREATE INDEX "alerts_territory_idx" ON "alerts" USING btree ("territory_id");
  CREATE INDEX "alerts_updated_at_idx" ON "alerts" USING btree ("updated_at");
  CREATE INDEX "alerts_created_at_idx" ON "alerts" USING btree ("created_at");
  CREATE INDEX "alerts_texts_order_parent" ON "alerts_texts" USING btree ("order","parent_id");
  CREATE INDEX "alerts_rels_order_idx" ON "alerts_rels" USING btree ("order");
  CREATE INDEX "alerts_rels_parent_idx" ON "alerts_rels" USING btree ("parent_id");
  CREATE INDEX "alerts_rels_path_idx" ON "alerts_rels" USING btree ("path");
  CREATE INDEX "alerts_rels_categories_id_idx" ON "alerts_rels" USING btree ("categories_id");
  CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");
  CREATE INDEX "reports_territory_idx" ON "reports" USING btree ("territory_id");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE INDEX "reports_rels_order_idx" ON "reports_rels" USING btree ("order");
  CREATE INDEX "reports_rels_parent_idx" ON "reports_rels" USING btree ("parent_id");
  CREATE INDEX "reports_rels_path_idx" ON "reports_rels" USING btree ("path");
  CREATE INDEX "reports_rels_businesses_id_idx" ON "reports_rels" USING btree ("businesses_id");
  CREATE INDEX "reports_rels_associations_id_idx" ON "reports_rels" USING btree ("associations_id");
  CREATE INDEX "reports_rels_services_id_idx" ON "reports_rels" USING btree ("services_id");
  CREATE INDEX "reports_rels_announcements_id_idx" ON "reports_rels" USING btree ("announcements_id");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_collection_slug_idx" ON "audit_log" USING btree ("collection_slug");
  CREATE INDEX "audit_log_document_id_idx" ON "audit_log" USING btree ("document_id");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_territory_idx" ON "audit_log" USING btree ("territory_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  CREATE UNIQUE INDEX "territories_epci_code_idx" ON "territories" USING btree ("epci_code");
  CREATE UNIQUE INDEX "territories_slug_idx" ON "territories" USING btree ("slug");
  CREATE INDEX "territories_logo_idx" ON "territories" USING btree ("logo_id");
  CREATE INDEX "territories_updated_at_idx" ON "territories" USING btree ("updated_at");
  CREATE INDEX "territories_created_at_idx" ON "territories" USING btree ("created_at");
  CREATE INDEX "territories_texts_order_parent" ON "territories_texts" USING btree ("order","parent_id");
  CREATE INDEX "communes_name_idx" ON "communes" USING btree ("name");
  CREATE INDEX "communes_slug_idx" ON "communes" USING btree ("slug");
  CREATE UNIQUE INDEX "communes_insee_code_idx" ON "communes" USING btree ("insee_code");
  CREATE INDEX "communes_latitude_idx" ON "communes" USING btree ("latitude");
  CREATE INDEX "communes_longitude_idx" ON "communes" USING btree ("longitude");
  CREATE INDEX "communes_epci_code_idx" ON "communes" USING btree ("epci_code");
  CREATE INDEX "communes_territory_idx" ON "communes" USING btree ("territory_id");
  CREATE INDEX "communes_updated_at_idx" ON "communes" USING btree ("updated_at");
  CREATE INDEX "communes_created_at_idx" ON "communes" USING btree ("created_at");
  CREATE INDEX "communes_texts_order_parent" ON "communes_texts" USING btree ("order","parent_id");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_territory_idx" ON "users" USING btree ("territory_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_communes_id_idx" ON "users_rels" USING btree ("communes_id");
  CREATE INDEX "media_uploaded_by_idx" ON "media" USING btree ("uploaded_by_id");
  CREATE INDEX "media_territory_idx" ON "media" USING btree ("territory_id");
  CREATE INDEX "media_public_from_idx" ON "media" USING btree ("public_from");
  CREATE INDEX "media_public_until_idx" ON "media" USING btree ("public_until");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "pages_slug_idx" ON "pages" USING btree ("slug");
  CREATE INDEX "pages_territory_idx" ON "pages" USING btree ("territory_id");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_slug_idx" ON "_pages_v" USING btree ("version_slug");
  CREATE INDEX "_pages_v_version_version_territory_idx" ON "_pages_v" USING btree ("version_territory_id");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE UNIQUE INDEX "usage_stats_key_idx" ON "usage_stats" USING btree ("key");
  CREATE INDEX "usage_stats_territory_idx" ON "usage_stats" USING btree ("territory_id");
  CREATE INDEX "usage_stats_month_idx" ON "usage_stats" USING btree ("month");
  CREATE INDEX "usage_stats_metric_idx" ON "usage_stats" USING btree ("metric");
  CREATE INDEX "usage_stats_updated_at_idx" ON "usage_stats" USING btree ("updated_at");
  CREATE INDEX "usage_stats_created_at_idx" ON "usage_stats" USING btree ("created_at");
  CREATE INDEX "import_runs_user_idx" ON "import_runs" USING btree ("user_id");
  CREATE INDEX "import_runs_territory_idx" ON "import_runs" USING btree ("territory_id");
  CREATE INDEX "import_runs_updated_at_idx" ON "import_runs" USING btree ("updated_at");
  CREATE INDEX "import_runs_created_at_idx" ON "import_runs" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_businesses_id_idx" ON "payload_locked_documents_rels" USING btree ("businesses_id");
  CREATE INDEX "payload_locked_documents_rels_associations_id_idx" ON "payload_locked_documents_rels" USING btree ("associations_id");
  CREATE INDEX "payload_locked_documents_rels_services_id_idx" ON "payload_locked_documents_rels" USING btree ("services_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_announcements_id_idx" ON "payload_locked_documents_rels" USING btree ("announcements_id");
  CREATE INDEX "payload_locked_documents_rels_contact_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("contact_requests_id");
  CREATE INDEX "payload_locked_documents_rels_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("alerts_id");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_territories_id_idx" ON "payload_locked_documents_rels" USING btree ("territories_id");
  CREATE INDEX "payload_locked_documents_rels_communes_id_idx" ON "payload_locked_documents_rels" USING btree ("communes_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_locked_documents_rels_usage_stats_id_idx" ON "payload_locked_documents_rels" USING btree ("usage_stats_id");
  CREATE INDEX "payload_locked_documents_rels_import_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("import_runs_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "businesses_opening_hours_weekly" CASCADE;
  DROP TABLE "businesses_opening_hours_closures" CASCADE;
  DROP TABLE "businesses_opening_hours_exceptions" CASCADE;
  DROP TABLE "businesses" CASCADE;
  DROP TABLE "businesses_rels" CASCADE;
  DROP TABLE "_businesses_v_version_opening_hours_weekly" CASCADE;
  DROP TABLE "_businesses_v_version_opening_hours_closures" CASCADE;
  DROP TABLE "_businesses_v_version_opening_hours_exceptions" CASCADE;
  DROP TABLE "_businesses_v" CASCADE;
  DROP TABLE "_businesses_v_rels" CASCADE;
  DROP TABLE "associations_opening_hours_weekly" CASCADE;
  DROP TABLE "associations_opening_hours_closures" CASCADE;
  DROP TABLE "associations_opening_hours_exceptions" CASCADE;
  DROP TABLE "associations" CASCADE;
  DROP TABLE "associations_rels" CASCADE;
  DROP TABLE "_associations_v_version_opening_hours_weekly" CASCADE;
  DROP TABLE "_associations_v_version_opening_hours_closures" CASCADE;
  DROP TABLE "_associations_v_version_opening_hours_exceptions" CASCADE;
  DROP TABLE "_associations_v" CASCADE;
  DROP TABLE "_associations_v_rels" CASCADE;
  DROP TABLE "services_opening_hours_weekly" CASCADE;
  DROP TABLE "services_opening_hours_closures" CASCADE;
  DROP TABLE "services_opening_hours_exceptions" CASCADE;
  DROP TABLE "services" CASCADE;
  DROP TABLE "services_rels" CASCADE;
  DROP TABLE "_services_v_version_opening_hours_weekly" CASCADE;
  DROP TABLE "_services_v_version_opening_hours_closures" CASCADE;
  DROP TABLE "_services_v_version_opening_hours_exceptions" CASCADE;
  DROP TABLE "_services_v" CASCADE;
  DROP TABLE "_services_v_rels" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "announcements" CASCADE;
  DROP TABLE "_announcements_v" CASCADE;
  DROP TABLE "contact_requests" CASCADE;
  DROP TABLE "contact_requests_rels" CASCADE;
  DROP TABLE "alerts" CASCADE;
  DROP TABLE "alerts_texts" CASCADE;
  DROP TABLE "alerts_rels" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "reports_rels" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  DROP TABLE "territories" CASCADE;
  DROP TABLE "territories_texts" CASCADE;
  DROP TABLE "communes" CASCADE;
  DROP TABLE "communes_texts" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "usage_stats" CASCADE;
  DROP TABLE "import_runs" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_businesses_opening_hours_weekly_day";
  DROP TYPE "public"."enum_businesses_status";
  DROP TYPE "public"."enum_businesses_review_state";
  DROP TYPE "public"."enum__businesses_v_version_opening_hours_weekly_day";
  DROP TYPE "public"."enum__businesses_v_version_status";
  DROP TYPE "public"."enum__businesses_v_version_review_state";
  DROP TYPE "public"."enum_associations_opening_hours_weekly_day";
  DROP TYPE "public"."enum_associations_status";
  DROP TYPE "public"."enum_associations_review_state";
  DROP TYPE "public"."enum__associations_v_version_opening_hours_weekly_day";
  DROP TYPE "public"."enum__associations_v_version_status";
  DROP TYPE "public"."enum__associations_v_version_review_state";
  DROP TYPE "public"."enum_services_opening_hours_weekly_day";
  DROP TYPE "public"."enum_services_price_type";
  DROP TYPE "public"."enum_services_status";
  DROP TYPE "public"."enum_services_review_state";
  DROP TYPE "public"."enum__services_v_version_opening_hours_weekly_day";
  DROP TYPE "public"."enum__services_v_version_price_type";
  DROP TYPE "public"."enum__services_v_version_status";
  DROP TYPE "public"."enum__services_v_version_review_state";
  DROP TYPE "public"."enum_announcements_kind";
  DROP TYPE "public"."enum_announcements_price_type";
  DROP TYPE "public"."enum_announcements_status";
  DROP TYPE "public"."enum_announcements_review_state";
  DROP TYPE "public"."enum__announcements_v_version_kind";
  DROP TYPE "public"."enum__announcements_v_version_price_type";
  DROP TYPE "public"."enum__announcements_v_version_status";
  DROP TYPE "public"."enum__announcements_v_version_review_state";
  DROP TYPE "public"."enum_contact_requests_status";
  DROP TYPE "public"."enum_contact_requests_from_side";
  DROP TYPE "public"."enum_reports_reason";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_collection_slug";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_pages_slug";
  DROP TYPE "public"."enum__pages_v_version_slug";
  DROP TYPE "public"."enum_usage_stats_metric";
  DROP TYPE "public"."enum_import_runs_kind";
  DROP TYPE "public"."enum_import_runs_state";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
