CREATE TABLE "account_invites" (
	"id" text PRIMARY KEY NOT NULL,
	"participant_id" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "account_invites" ADD CONSTRAINT "account_invites_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_invites_participant_idx" ON "account_invites" USING btree ("participant_id");