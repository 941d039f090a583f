-- The derived metric tables lose their foreign keys to cases: only refreshCaseFacts writes them,
-- from cases, and no case is ever deleted, while each key checked and locked its case once per
-- derived row (four million times in a first import of a million cases); docs/adr/0005.
ALTER TABLE "case_facts" DROP CONSTRAINT "case_facts_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_pairs" DROP CONSTRAINT "case_pairs_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_steps" DROP CONSTRAINT "case_steps_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_timelines" DROP CONSTRAINT "case_timelines_case_id_cases_id_fk";
