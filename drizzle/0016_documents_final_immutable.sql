-- A final document version never changes: its content, HTML and hash stay those it was made or
-- approved with, byte for byte (docs/documents.md, "States"). A correction is a new version.
CREATE FUNCTION "documents_final_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD."state" = 'final' THEN
		RAISE EXCEPTION 'a final document version never changes: make a new version' USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "documents_final_immutable" BEFORE UPDATE ON "documents" FOR EACH ROW EXECUTE FUNCTION "documents_final_refuse_change"();
