CREATE TABLE "meeting_kind_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"kind_id" text NOT NULL,
	"base_kind" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "kind_version_id" text;--> statement-breakpoint
ALTER TABLE "meeting_kind_versions" ADD CONSTRAINT "meeting_kind_versions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_kind_versions" ADD CONSTRAINT "meeting_kind_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_kind_versions_unit_kind_version" ON "meeting_kind_versions" USING btree ("unit_id","kind_id","version");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_kind_version_id_meeting_kind_versions_id_fk" FOREIGN KEY ("kind_version_id") REFERENCES "public"."meeting_kind_versions"("id") ON DELETE no action ON UPDATE no action;