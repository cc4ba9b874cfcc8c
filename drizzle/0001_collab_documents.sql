DROP INDEX "collab_updates_meeting_idx";--> statement-breakpoint
ALTER TABLE "collab_clients" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD COLUMN "document" text DEFAULT 'main' NOT NULL;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD COLUMN "document" text DEFAULT 'main' NOT NULL;--> statement-breakpoint
ALTER TABLE "collab_snapshots" DROP CONSTRAINT "collab_snapshots_pkey";--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_meeting_id_document_pk" PRIMARY KEY("meeting_id","document");--> statement-breakpoint
CREATE INDEX "collab_updates_meeting_idx" ON "collab_updates" USING btree ("meeting_id","document","id");
