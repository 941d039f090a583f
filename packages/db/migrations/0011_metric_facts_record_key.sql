-- SPEC "Privacy and disclosure control", `cellkey`: every case's record key, from the first four
-- bytes of its keyed ref hash without the top bit (the domain's `recordKeyFromHash`), so that
-- metrics can sum the keys of the cases behind each count. Existing facts get theirs here;
-- refreshCaseFacts keeps it from then on.
ALTER TABLE "case_facts" ADD COLUMN "record_key" integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE "case_facts" f
  SET "record_key" = ('x' || rpad(encode(substring(c.ref_hash FROM 1 FOR 4), 'hex'), 8, '0'))::bit(32)::int & 2147483647
  FROM "cases" c WHERE c.id = f.case_id;--> statement-breakpoint
ALTER TABLE "case_facts" ALTER COLUMN "record_key" DROP DEFAULT;
