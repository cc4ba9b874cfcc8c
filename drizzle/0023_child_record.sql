CREATE TABLE "child_legal_statuses" (
	"id" text PRIMARY KEY NOT NULL,
	"child_id" text NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sibling_links" (
	"child_id" text NOT NULL,
	"sibling_id" text NOT NULL,
	"linked_by" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sibling_links_child_id_sibling_id_pk" PRIMARY KEY("child_id","sibling_id")
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "case_system_id" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "placement_type" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "carer_name" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "out_of_area" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "placed_by_authority" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "disability" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "first_language" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "interpreter_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "communication_needs" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "religion" text;--> statement-breakpoint
ALTER TABLE "child_legal_statuses" ADD CONSTRAINT "child_legal_statuses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_legal_statuses" ADD CONSTRAINT "child_legal_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_sibling_id_children_id_fk" FOREIGN KEY ("sibling_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_legal_statuses_child_idx" ON "child_legal_statuses" USING btree ("child_id");