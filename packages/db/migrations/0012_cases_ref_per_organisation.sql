-- A ref names one case within the organisation whose system it comes from (the initiating
-- unit's), not in the whole county: two organisations may use the same ref, and a ref taken by
-- another organisation no longer makes a write fail, which told the caller it existed.
ALTER TABLE "cases" ADD COLUMN "organisation_code" text;--> statement-breakpoint
UPDATE "cases" c SET "organisation_code" = u."organisation_code"
  FROM "units" u WHERE u."code" = c."initiating_unit";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "organisation_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_ref_hash_key";--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_code_organisations_code_fk" FOREIGN KEY ("organisation_code") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_ref_hash_organisation_key" UNIQUE("ref_hash","organisation_code");
