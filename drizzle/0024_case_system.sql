CREATE TABLE "case_system_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"type" text NOT NULL,
	"child_id" text,
	"document_id" text,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_status" integer,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"replay_of" text
);
--> statement-breakpoint
CREATE TABLE "case_system_endpoints" (
	"unit_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_deliveries" ADD CONSTRAINT "case_system_deliveries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_endpoints" ADD CONSTRAINT "case_system_endpoints_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_system_endpoints" ADD CONSTRAINT "case_system_endpoints_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_system_deliveries_due_idx" ON "case_system_deliveries" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "case_system_deliveries_unit_idx" ON "case_system_deliveries" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "case_system_deliveries_document_idx" ON "case_system_deliveries" USING btree ("document_id");