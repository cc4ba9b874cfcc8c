ALTER TABLE "units" ADD COLUMN "secure_domains" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "report_due_working_days" integer;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "mailbox" boolean DEFAULT false NOT NULL;