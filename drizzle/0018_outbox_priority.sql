-- The sender takes the highest priority first, then the oldest (src/lib/server/db/schema/mail.ts,
-- mailPriorities): meeting changes and circulation 2, the rest of a meeting's mail 1, bulk 0.
ALTER TABLE "outbox" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "outbox" SET "priority" = CASE "purpose"
	WHEN 'cancellation' THEN 2
	WHEN 'update' THEN 2
	WHEN 'circulation' THEN 2
	WHEN 'invitation' THEN 1
	WHEN 'reminder' THEN 1
	WHEN 'report-request' THEN 1
	WHEN 'report-reminder' THEN 1
	ELSE 0
END;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "priority" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "outbox_send_order_idx" ON "outbox" USING btree ("state","priority" DESC NULLS LAST,"created_at");
