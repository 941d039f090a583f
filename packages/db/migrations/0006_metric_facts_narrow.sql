-- case_facts becomes narrow: the state and attributes every metric scans, with the final
-- principal-pair mask, step count, organisations and flow transitions as scalars or short arrays.
-- The step timeline moves to case_steps (lead times join it), the other dated timelines to
-- case_timelines (read only for an asOf before a case's last event); docs/adr/0005. Derived data
-- only: the tables are recreated empty and migrate() refills them for every case.
DROP TABLE "case_facts";--> statement-breakpoint
DROP TABLE "case_timelines";--> statement-breakpoint
CREATE TABLE "case_facts" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"opened_on" date NOT NULL,
	"opened_month" date NOT NULL,
	"settled_on" date DEFAULT '-infinity' NOT NULL,
	"step_on" date,
	"sip_on" date,
	"principal_pairs" integer NOT NULL,
	"step" smallint,
	"step_count" smallint NOT NULL,
	"closed" boolean NOT NULL,
	"process" text NOT NULL,
	"target_group" text NOT NULL,
	"age_group" text NOT NULL,
	"municipality_code" text NOT NULL,
	"lead_unit" text,
	"consent" text,
	"organisations" text[] NOT NULL,
	"transitions" smallint[] NOT NULL
);--> statement-breakpoint
CREATE TABLE "case_steps" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"steps" smallint[] NOT NULL,
	"step_dates" date[] NOT NULL
);--> statement-breakpoint
CREATE TABLE "case_timelines" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"lead_units" text[] NOT NULL,
	"lead_dates" date[] NOT NULL,
	"endings" boolean[] NOT NULL,
	"ending_dates" date[] NOT NULL,
	"consents" text[] NOT NULL,
	"consent_dates" date[] NOT NULL,
	"organisations" text[] NOT NULL,
	"organisation_dates" date[] NOT NULL,
	"principal_pair_masks" integer[] NOT NULL,
	"principal_pair_dates" date[] NOT NULL
);--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timelines" ADD CONSTRAINT "case_timelines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_opened_on_idx" ON "case_facts" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "case_facts_settled_on_idx" ON "case_facts" USING btree ("settled_on");
