CREATE TABLE "officer_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text,
	"child_id" text NOT NULL,
	"from_user_id" text NOT NULL,
	"to_officer_id" text,
	"text" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "officer_messages" ADD CONSTRAINT "officer_messages_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_messages" ADD CONSTRAINT "officer_messages_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_messages" ADD CONSTRAINT "officer_messages_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_messages" ADD CONSTRAINT "officer_messages_to_officer_id_users_id_fk" FOREIGN KEY ("to_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_messages_child_idx" ON "officer_messages" USING btree ("child_id","sent_at");