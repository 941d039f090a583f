-- case_facts gains the opening month and the network's principal-type pairs as bit sets, so the
-- trend and the network read no other table; case_pairs keeps the unit pairs (docs/adr/0005).
-- Recreated rather than altered to keep fixed-width columns first. Derived data only: migrate()
-- refills it, and the side tables with it, for every case without a row.
DROP TABLE "case_facts";--> statement-breakpoint
CREATE TABLE "case_facts" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"opened_on" date NOT NULL,
	"opened_month" date NOT NULL,
	"settled_on" date DEFAULT '-infinity' NOT NULL,
	"step_on" date,
	"sip_on" date,
	"step" smallint,
	"closed" boolean NOT NULL,
	"process" text NOT NULL,
	"target_group" text NOT NULL,
	"age_group" text NOT NULL,
	"municipality_code" text NOT NULL,
	"lead_unit" text,
	"consent" text,
	"steps" smallint[] NOT NULL,
	"step_dates" date[] NOT NULL,
	"organisations" text[] NOT NULL,
	"organisation_dates" date[] NOT NULL,
	"principal_pair_masks" integer[] NOT NULL,
	"principal_pair_dates" date[] NOT NULL
);--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_opened_on_idx" ON "case_facts" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "case_facts_settled_on_idx" ON "case_facts" USING btree ("settled_on");--> statement-breakpoint
ALTER TABLE "case_pairs" DROP COLUMN "principal_pair_a";--> statement-breakpoint
ALTER TABLE "case_pairs" DROP COLUMN "principal_pair_b";--> statement-breakpoint
ALTER TABLE "case_pairs" DROP COLUMN "principal_pair_dates";
