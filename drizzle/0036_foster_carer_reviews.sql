CREATE TABLE "foster_carers" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"names" text NOT NULL,
	"approved_on" date NOT NULL,
	"supervising_social_worker_name" text NOT NULL,
	"supervising_social_worker_email" text NOT NULL,
	"last_review_on" date,
	"last_face_to_face_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "foster_placements" (
	"carer_id" text NOT NULL,
	"child_id" text NOT NULL,
	"position" integer NOT NULL,
	"social_worker_name" text NOT NULL,
	"social_worker_email" text NOT NULL,
	CONSTRAINT "foster_placements_carer_id_child_id_pk" PRIMARY KEY("carer_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "foster_review_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"kind" text NOT NULL,
	"child_id" text,
	"requested_at" timestamp with time zone,
	"due_by" date,
	"asked_of_name" text,
	"asked_of_email" text,
	"requested_by" text,
	"received_at" timestamp with time zone,
	"text" text,
	"by_post" boolean DEFAULT false NOT NULL,
	"chase_count" integer DEFAULT 0 NOT NULL,
	"last_chased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "foster_reviews" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"carer_id" text NOT NULL,
	"face_to_face" boolean NOT NULL,
	"recommendation" text,
	"recommendation_reasons" text,
	"recommended_by" text,
	"recommended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "foster_carers" ADD CONSTRAINT "foster_carers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_carers" ADD CONSTRAINT "foster_carers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_placements" ADD CONSTRAINT "foster_placements_carer_id_foster_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."foster_carers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_placements" ADD CONSTRAINT "foster_placements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_review_reports" ADD CONSTRAINT "foster_review_reports_meeting_id_foster_reviews_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."foster_reviews"("meeting_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_review_reports" ADD CONSTRAINT "foster_review_reports_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_review_reports" ADD CONSTRAINT "foster_review_reports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_reviews" ADD CONSTRAINT "foster_reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_reviews" ADD CONSTRAINT "foster_reviews_carer_id_foster_carers_id_fk" FOREIGN KEY ("carer_id") REFERENCES "public"."foster_carers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foster_reviews" ADD CONSTRAINT "foster_reviews_recommended_by_users_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "foster_carers_unit_idx" ON "foster_carers" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "foster_review_reports_one_each" ON "foster_review_reports" USING btree ("meeting_id","kind","child_id");--> statement-breakpoint
CREATE INDEX "foster_review_reports_meeting_idx" ON "foster_review_reports" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "foster_reviews_carer_idx" ON "foster_reviews" USING btree ("carer_id");