CREATE TABLE "case_facts" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"process" text NOT NULL,
	"target_group" text NOT NULL,
	"age_group" text NOT NULL,
	"municipality_code" text NOT NULL,
	"opened_on" date NOT NULL,
	"initiating_unit" text NOT NULL,
	"steps" smallint[] NOT NULL,
	"step_dates" date[] NOT NULL,
	"lead_units" text[] NOT NULL,
	"lead_dates" date[] NOT NULL,
	"endings" boolean[] NOT NULL,
	"ending_dates" date[] NOT NULL,
	"consents" text[] NOT NULL,
	"consent_dates" date[] NOT NULL,
	"sip_on" date,
	"transition_from" smallint[] NOT NULL,
	"transition_to" smallint[] NOT NULL,
	"transition_dates" date[] NOT NULL,
	"units" text[] NOT NULL,
	"unit_dates" date[] NOT NULL,
	"unit_pair_a" text[] NOT NULL,
	"unit_pair_b" text[] NOT NULL,
	"unit_pair_dates" date[] NOT NULL,
	"principal_pair_a" text[] NOT NULL,
	"principal_pair_b" text[] NOT NULL,
	"principal_pair_dates" date[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_opened_on_idx" ON "case_facts" USING btree ("opened_on");--> statement-breakpoint
-- case_facts is derived from case_events (docs/adr/0005-metrics-storage.md). `migrate()` fills
-- it for every case that has no row yet, so an existing installation gets it on upgrade; from
-- then on every write keeps it in step in its own transaction (refreshCaseFacts).
COMMENT ON TABLE "case_facts" IS 'Derived from case_events by refreshCaseFacts; never edited by hand.';
