CREATE TABLE "copy_links" (
	"id" text PRIMARY KEY NOT NULL,
	"circulation_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"code_hash" text,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"grant_hash" text,
	"grant_expires_at" timestamp with time zone,
	"first_opened_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "secure_domains" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "report_due_working_days" integer;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "mailbox" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "copy_links" ADD CONSTRAINT "copy_links_circulation_id_circulation_id_fk" FOREIGN KEY ("circulation_id") REFERENCES "public"."circulation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "copy_links_circulation_idx" ON "copy_links" USING btree ("circulation_id");