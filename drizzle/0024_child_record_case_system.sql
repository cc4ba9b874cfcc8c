-- (was 0022_plan_register)
CREATE TABLE "child_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"started_on" date NOT NULL,
	"start_meeting_id" text,
	"category" text,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_on" date,
	"end_meeting_id" text,
	"end_reason" text,
	"ended_by" text,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_start_meeting_id_meetings_id_fk" FOREIGN KEY ("start_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_end_meeting_id_meetings_id_fk" FOREIGN KEY ("end_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_plans_child_idx" ON "child_plans" USING btree ("child_id");--> statement-breakpoint
-- The plan register is the one record of a plan: the plan events kept in child_events before it
-- become plans (a start that began a plan, ended by the next end), and leave child_events.
INSERT INTO "child_plans" ("id", "child_id", "started_on", "started_by", "started_at", "ended_on", "end_reason", "ended_by", "ended_at")
SELECT s."id", s."child_id", s."date", s."recorded_by", s."recorded_at", e."date",
	CASE WHEN e."id" IS NOT NULL THEN 'Recorded before the plan register.' END, e."recorded_by", e."recorded_at"
FROM (
	SELECT ce.*, lag(ce."kind") OVER (PARTITION BY ce."child_id" ORDER BY ce."date", ce."recorded_at") AS "before"
	FROM "child_events" ce WHERE ce."kind" IN ('plan-started', 'plan-ended')
) s
LEFT JOIN LATERAL (
	SELECT x.* FROM "child_events" x
	WHERE x."child_id" = s."child_id" AND x."kind" = 'plan-ended'
		AND (x."date", x."recorded_at") >= (s."date", s."recorded_at")
	ORDER BY x."date", x."recorded_at" LIMIT 1
) e ON true
WHERE s."kind" = 'plan-started' AND (s."before" IS NULL OR s."before" = 'plan-ended');--> statement-breakpoint
DELETE FROM "child_events" WHERE "kind" IN ('plan-started', 'plan-ended');
--> statement-breakpoint
-- (was 0023_child_record)
CREATE TABLE "child_legal_statuses" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sibling_links" (
	"child_id" text NOT NULL,
	"sibling_id" text NOT NULL,
	"linked_by" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sibling_links_child_id_sibling_id_pk" PRIMARY KEY("child_id","sibling_id")
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "case_system_id" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "placement_type" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "carer_name" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "out_of_area" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "placed_by_authority" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "disability" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "first_language" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "interpreter_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "communication_needs" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "religion" text;--> statement-breakpoint
ALTER TABLE "child_legal_statuses" ADD CONSTRAINT "child_legal_statuses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_legal_statuses" ADD CONSTRAINT "child_legal_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_sibling_id_children_id_fk" FOREIGN KEY ("sibling_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_legal_statuses_child_idx" ON "child_legal_statuses" USING btree ("child_id");
--> statement-breakpoint
-- (was 0024_case_system)
CREATE TABLE "case_system_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"type" text NOT NULL,
	"child_id" text,
	"document_id" text,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_status" integer,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"replay_of" text
);
--> statement-breakpoint
CREATE TABLE "case_system_endpoints" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_endpoints" ADD CONSTRAINT "case_system_endpoints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_endpoints" ADD CONSTRAINT "case_system_endpoints_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_system_deliveries_due_idx" ON "case_system_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "case_system_deliveries_unit_idx" ON "case_system_deliveries" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "case_system_deliveries_document_idx" ON "case_system_deliveries" USING btree ("document_id");
--> statement-breakpoint
-- (was 0025_plan_versions)
CREATE TABLE "plan_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"meeting_id" text,
	"content" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"agreed_by" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_child_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_version_idx" ON "plan_versions" USING btree ("plan_id","version");
