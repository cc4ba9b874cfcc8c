-- The professionals' notes were kind 'draft-notes' through every state, final ones included
-- (issue 23: one word, one thing). Their kind is now 'notes'; the JSON contract of issue 6 still
-- answers 'draft-notes' (contractDocumentKind in src/lib/domain/vocabulary.ts).
UPDATE "documents" SET "kind" = 'notes' WHERE "kind" = 'draft-notes';
