CREATE TABLE "circulation_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"document_id" text NOT NULL,
	"recipient_email" text,
	"reason" text NOT NULL,
	"held_by" text,
	"held_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "bounce_reason" text;--> statement-breakpoint
ALTER TABLE "circulation" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "circulation" ADD COLUMN "resolution_reason" text;--> statement-breakpoint
ALTER TABLE "circulation" ADD COLUMN "resolved_by" text;--> statement-breakpoint
ALTER TABLE "circulation" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "circulation_holds" ADD CONSTRAINT "circulation_holds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circulation_holds" ADD CONSTRAINT "circulation_holds_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circulation_holds" ADD CONSTRAINT "circulation_holds_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circulation_holds_meeting_idx" ON "circulation_holds" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "circulation" ADD CONSTRAINT "circulation_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;