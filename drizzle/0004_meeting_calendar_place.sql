ALTER TABLE "meeting_calendar" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "meeting_calendar" ADD COLUMN "change_reason" text;--> statement-breakpoint
ALTER TABLE "meeting_calendar" ADD COLUMN "changed_at" timestamp with time zone;