ALTER TABLE "units" ADD COLUMN "conference_quorum_agencies" integer;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "arrived_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "end_confirmation" jsonb;--> statement-breakpoint
-- The register's one "here" state was 'attended'; it is now 'present' (in the room), beside
-- 'present-online' and 'left-early'. Existing rows keep their meaning.
UPDATE "meeting_participants" SET "attendance" = 'present' WHERE "attendance" = 'attended';
