-- Size and import speed at 1 M cases (docs/adr/0005):
-- * case_transitions goes: flow's transitions as of an earlier asOf are the consecutive pairs
--   of the step timeline's prefix (case_steps).
-- * the unique event identity key (1 GB) gives way to an index on case_id (about 130 MB), and
--   the foreign keys of case_events go (their per-row checks tripled the event insert): both
--   writers check identity and references themselves, under the same table lock.
DROP TABLE "case_transitions" CASCADE;--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_identity_key";--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_unit_code_units_code_fk";--> statement-breakpoint
CREATE INDEX "case_events_case_id_idx" ON "case_events" USING btree ("case_id");
