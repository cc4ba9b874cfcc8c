CREATE TABLE "childrens_homes" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"name" text NOT NULL,
	"manager_name" text NOT NULL,
	"manager_email" text NOT NULL,
	"ofsted_urn" text NOT NULL,
	"recorded_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reg33_visits" (
	"id" text PRIMARY KEY NOT NULL,
	"home_id" text NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_user_id" text,
	"visitor_name" text NOT NULL,
	"staff_spoken_to" integer,
	"staff_roles" text,
	"young_people_spoken_to" integer,
	"findings" text,
	"recommendations" text,
	"findings_recorded_at" timestamp with time zone,
	"findings_recorded_by" text,
	"report_sent_at" timestamp with time zone,
	"report_sent_by" text,
	"report_outbox_id" text,
	"recorded_for_ofsted_at" timestamp with time zone,
	"recorded_for_ofsted_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "childrens_homes" ADD CONSTRAINT "childrens_homes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "childrens_homes" ADD CONSTRAINT "childrens_homes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_home_id_childrens_homes_id_fk" FOREIGN KEY ("home_id") REFERENCES "public"."childrens_homes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_findings_recorded_by_users_id_fk" FOREIGN KEY ("findings_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_report_sent_by_users_id_fk" FOREIGN KEY ("report_sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_report_outbox_id_outbox_id_fk" FOREIGN KEY ("report_outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_recorded_for_ofsted_by_users_id_fk" FOREIGN KEY ("recorded_for_ofsted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reg33_visits" ADD CONSTRAINT "reg33_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "childrens_homes_unit_urn_idx" ON "childrens_homes" USING btree ("unit_id","ofsted_urn");--> statement-breakpoint
CREATE INDEX "reg33_visits_home_idx" ON "reg33_visits" USING btree ("home_id","visited_on");