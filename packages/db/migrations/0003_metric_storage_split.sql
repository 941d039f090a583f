-- The narrow case_facts and its three side tables replace the one wide row of 0002 (docs/adr/0005).
-- Derived data only: emptied here, refilled by migrate() (refreshCaseFacts for cases without a row).
TRUNCATE "case_facts";--> statement-breakpoint
CREATE TABLE "case_pairs" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"unit_pair_a" text[] NOT NULL,
	"unit_pair_b" text[] NOT NULL,
	"unit_pair_dates" date[] NOT NULL,
	"principal_pair_a" text[] NOT NULL,
	"principal_pair_b" text[] NOT NULL,
	"principal_pair_dates" date[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_timelines" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"lead_units" text[] NOT NULL,
	"lead_dates" date[] NOT NULL,
	"endings" boolean[] NOT NULL,
	"ending_dates" date[] NOT NULL,
	"consents" text[] NOT NULL,
	"consent_dates" date[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"transition_from" smallint[] NOT NULL,
	"transition_to" smallint[] NOT NULL,
	"transition_dates" date[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "organisations" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "organisation_dates" date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "settled_on" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "step" smallint;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "step_on" date;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "lead_unit" text;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "closed" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "case_facts" ADD COLUMN "consent" text;--> statement-breakpoint
ALTER TABLE "case_pairs" ADD CONSTRAINT "case_pairs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timelines" ADD CONSTRAINT "case_timelines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_settled_on_idx" ON "case_facts" USING btree ("settled_on");--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "initiating_unit";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "lead_units";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "lead_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "endings";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "ending_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "consents";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "consent_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "transition_from";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "transition_to";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "transition_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "units";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "unit_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "unit_pair_a";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "unit_pair_b";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "unit_pair_dates";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "principal_pair_a";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "principal_pair_b";--> statement-breakpoint
ALTER TABLE "case_facts" DROP COLUMN "principal_pair_dates";