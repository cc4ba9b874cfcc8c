CREATE TABLE "child_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"started_on" date NOT NULL,
	"start_meeting_id" text,
	"category" text,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_on" date,
	"end_meeting_id" text,
	"end_reason" text,
	"ended_by" text,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_start_meeting_id_meetings_id_fk" FOREIGN KEY ("start_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_end_meeting_id_meetings_id_fk" FOREIGN KEY ("end_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_plans" ADD CONSTRAINT "child_plans_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_plans_child_idx" ON "child_plans" USING btree ("child_id");--> statement-breakpoint
-- The plan register is the one record of a plan: the plan events kept in child_events before it
-- become plans (a start that began a plan, ended by the next end), and leave child_events.
INSERT INTO "child_plans" ("id", "child_id", "started_on", "started_by", "started_at", "ended_on", "end_reason", "ended_by", "ended_at")
SELECT s."id", s."child_id", s."date", s."recorded_by", s."recorded_at", e."date",
	CASE WHEN e."id" IS NOT NULL THEN 'Recorded before the plan register.' END, e."recorded_by", e."recorded_at"
FROM (
	SELECT ce.*, lag(ce."kind") OVER (PARTITION BY ce."child_id" ORDER BY ce."date", ce."recorded_at") AS "before"
	FROM "child_events" ce WHERE ce."kind" IN ('plan-started', 'plan-ended')
) s
LEFT JOIN LATERAL (
	SELECT x.* FROM "child_events" x
	WHERE x."child_id" = s."child_id" AND x."kind" = 'plan-ended'
		AND (x."date", x."recorded_at") >= (s."date", s."recorded_at")
	ORDER BY x."date", x."recorded_at" LIMIT 1
) e ON true
WHERE s."kind" = 'plan-started' AND (s."before" IS NULL OR s."before" = 'plan-ended');--> statement-breakpoint
DELETE FROM "child_events" WHERE "kind" IN ('plan-started', 'plan-ended');
