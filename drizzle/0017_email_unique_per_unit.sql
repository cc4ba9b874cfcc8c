DROP INDEX "users_email_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unit_unique" ON "users" USING btree ("email",coalesce("unit_id", ''));