-- Size at 1 M cases (docs/adr/0005): case_transitions goes, since flow's transitions as of an
-- earlier asOf are the consecutive pairs of the step timeline's prefix (case_steps); and the
-- unique event identity key (1 GB) gives way to an index on case_id (about 130 MB), since both
-- writers check the identity themselves under the same table lock.
DROP TABLE "case_transitions" CASCADE;--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_identity_key";--> statement-breakpoint
CREATE INDEX "case_events_case_id_idx" ON "case_events" USING btree ("case_id");
