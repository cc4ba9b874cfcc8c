ALTER TABLE "documents" ADD COLUMN "state" text DEFAULT 'final' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "due_by" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "returned_comment" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "submitted_by" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "documents" SET "state" = 'draft' WHERE "kind" = 'draft-notes';
