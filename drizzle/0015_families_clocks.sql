CREATE TABLE "child_events" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_adjournments" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"reason" text NOT NULL,
	"adjourned_by" text,
	"adjourned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"previous_scheduled_at" timestamp with time zone NOT NULL,
	"continues_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "preferred_name" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "in_care_since" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "iro_id" text;--> statement-breakpoint
ALTER TABLE "family_members" ADD COLUMN "parental_responsibility" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "due_by" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "late_reason" text;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_events" ADD CONSTRAINT "child_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjournments" ADD CONSTRAINT "meeting_adjournments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjournments" ADD CONSTRAINT "meeting_adjournments_adjourned_by_users_id_fk" FOREIGN KEY ("adjourned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_events_child_idx" ON "child_events" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "meeting_adjournments_meeting_idx" ON "meeting_adjournments" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_iro_id_users_id_fk" FOREIGN KEY ("iro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;