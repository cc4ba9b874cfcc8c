CREATE TABLE "report_requests" (
	"participant_id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"chased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduled_mail" (
	"meeting_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"purpose" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"outbox_id" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_mail_meeting_id_participant_id_purpose_sequence_pk" PRIMARY KEY("meeting_id","participant_id","purpose","sequence")
);
--> statement-breakpoint
ALTER TABLE "report_requests" ADD CONSTRAINT "report_requests_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_requests" ADD CONSTRAINT "report_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_mail" ADD CONSTRAINT "scheduled_mail_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_mail" ADD CONSTRAINT "scheduled_mail_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_mail" ADD CONSTRAINT "scheduled_mail_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_requests_meeting_idx" ON "report_requests" USING btree ("meeting_id");