CREATE TABLE "allegation_children" (
	"allegation_id" text NOT NULL,
	"child_id" text NOT NULL,
	"in_care" boolean NOT NULL,
	"placed_by_other_authority" boolean NOT NULL,
	"disabled" boolean NOT NULL,
	CONSTRAINT "allegation_children_allegation_id_child_id_pk" PRIMARY KEY("allegation_id","child_id")
);
--> statement-breakpoint
CREATE TABLE "allegations" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"adult_name" text NOT NULL,
	"adult_role" text NOT NULL,
	"adult_employer" text NOT NULL,
	"adult_sector" text NOT NULL,
	"nature" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"referrer_name" text NOT NULL,
	"referrer_agency" text NOT NULL,
	"consideration_due_by" date NOT NULL,
	"considered_at" timestamp with time zone,
	"threshold_met" boolean,
	"threshold_reasons" text,
	"outcome" text,
	"outcome_reason" text,
	"outcome_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allegation_children" ADD CONSTRAINT "allegation_children_allegation_id_allegations_id_fk" FOREIGN KEY ("allegation_id") REFERENCES "public"."allegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegation_children" ADD CONSTRAINT "allegation_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegations" ADD CONSTRAINT "allegations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegations" ADD CONSTRAINT "allegations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegation_children_child_idx" ON "allegation_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "allegations_unit_received_idx" ON "allegations" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE INDEX "allegations_unit_outcome_idx" ON "allegations" USING btree ("unit_id","outcome_at");