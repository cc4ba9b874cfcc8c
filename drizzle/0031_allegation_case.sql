CREATE TABLE "allegation_employer_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"allegation_id" text NOT NULL,
	"action" text NOT NULL,
	"on" date NOT NULL,
	"note" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allegation_children" ADD COLUMN "seen_by_placing_authority_on" date;--> statement-breakpoint
ALTER TABLE "allegation_children" ADD COLUMN "placing_authority_email" text;--> statement-breakpoint
ALTER TABLE "allegation_children" ADD COLUMN "raised_with_placing_authority_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "allegation_employer_actions" ADD CONSTRAINT "allegation_employer_actions_allegation_id_allegations_id_fk" FOREIGN KEY ("allegation_id") REFERENCES "public"."allegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegation_employer_actions" ADD CONSTRAINT "allegation_employer_actions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegation_employer_actions_allegation_idx" ON "allegation_employer_actions" USING btree ("allegation_id","on");