CREATE TABLE "meeting_allegations" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"allegation_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_missing_episodes" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_allegations" ADD CONSTRAINT "meeting_allegations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_allegations" ADD CONSTRAINT "meeting_allegations_allegation_id_allegations_id_fk" FOREIGN KEY ("allegation_id") REFERENCES "public"."allegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_missing_episodes" ADD CONSTRAINT "meeting_missing_episodes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_missing_episodes" ADD CONSTRAINT "meeting_missing_episodes_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_allegations_allegation_idx" ON "meeting_allegations" USING btree ("allegation_id");--> statement-breakpoint
CREATE INDEX "meeting_missing_episodes_episode_idx" ON "meeting_missing_episodes" USING btree ("episode_id");