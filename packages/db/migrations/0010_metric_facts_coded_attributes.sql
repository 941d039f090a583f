-- case_facts holds the four attributes metrics group and filter by (process, target group, age
-- group, municipality) as small integers numbered in case_codes: a million rows group by
-- integers, only the groups are decoded, and the row is fixed-width up to `closed`
-- (docs/adr/0005). Derived data only: the table is recreated empty and migrate() refills it.
CREATE TABLE "case_codes" (
	"id" smallint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	CONSTRAINT "case_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
DROP TABLE "case_facts";--> statement-breakpoint
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
	"process_id" smallint NOT NULL,
	"target_group_id" smallint NOT NULL,
	"age_group_id" smallint NOT NULL,
	"municipality_id" smallint NOT NULL,
	"closed" boolean NOT NULL,
	"lead_unit" text,
	"consent" text,
	"organisations" text[] NOT NULL,
	"transitions" smallint[] NOT NULL
);--> statement-breakpoint
CREATE INDEX "case_facts_opened_on_idx" ON "case_facts" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "case_facts_settled_on_idx" ON "case_facts" USING btree ("settled_on");
