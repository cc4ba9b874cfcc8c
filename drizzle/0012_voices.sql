CREATE TABLE "advocacy_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"child_id" text,
	"offered" boolean NOT NULL,
	"accepted" boolean DEFAULT false NOT NULL,
	"advocate_name" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"child_id" text NOT NULL,
	"age_band" text NOT NULL,
	"worries" text DEFAULT '' NOT NULL,
	"going_well" text DEFAULT '' NOT NULL,
	"wishes" text DEFAULT '' NOT NULL,
	"helped_by" text NOT NULL,
	"written_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"author_id" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"content" "bytea",
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_with_parents_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "advocacy_offers" ADD CONSTRAINT "advocacy_offers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_offers" ADD CONSTRAINT "advocacy_offers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_offers" ADD CONSTRAINT "advocacy_offers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_reports" ADD CONSTRAINT "professional_reports_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_reports" ADD CONSTRAINT "professional_reports_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_reports" ADD CONSTRAINT "professional_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_offers_meeting_idx" ON "advocacy_offers" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_meeting_child_idx" ON "consultations" USING btree ("meeting_id","child_id");--> statement-breakpoint
CREATE INDEX "professional_reports_meeting_idx" ON "professional_reports" USING btree ("meeting_id");