CREATE TABLE "missing_episodes" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"went_missing_at" timestamp with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"agreed_hours" integer NOT NULL,
	"escalate_to" text NOT NULL,
	"found_at" timestamp with time zone,
	"found_where" text,
	"return_interview_at" timestamp with time zone,
	"return_interview_by" text,
	"escalated_at" timestamp with time zone,
	"escalated_to" text,
	"escalated_by" text,
	"escalation_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_escalated_by_users_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_episodes_child_idx" ON "missing_episodes" USING btree ("child_id","went_missing_at");