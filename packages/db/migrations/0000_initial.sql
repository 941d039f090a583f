CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"case_ref_hash" "bytea",
	"outcome" text NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"step" smallint,
	"unit_code" text,
	"value" text,
	"occurrence" smallint NOT NULL,
	CONSTRAINT "case_events_seq_key" UNIQUE("seq"),
	CONSTRAINT "case_events_identity_key" UNIQUE NULLS NOT DISTINCT("case_id","occurred_at","type","step","unit_code","value","occurrence")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ref_hash" "bytea" NOT NULL,
	"process" text NOT NULL,
	"target_group" text NOT NULL,
	"age_group" text NOT NULL,
	"municipality_code" text NOT NULL,
	"opened_on" date NOT NULL,
	"initiating_unit" text NOT NULL,
	CONSTRAINT "cases_ref_hash_key" UNIQUE("ref_hash")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_models" (
	"code" text PRIMARY KEY NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_steps" (
	"process_code" text NOT NULL,
	"number" smallint NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"target_days" integer,
	CONSTRAINT "process_steps_process_code_number_pk" PRIMARY KEY("process_code","number")
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"statutory" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"units_added" integer NOT NULL,
	"units_skipped" integer NOT NULL,
	"cases_added" integer NOT NULL,
	"cases_skipped" integer NOT NULL,
	"events_added" integer NOT NULL,
	"events_skipped" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"principal_type" text NOT NULL,
	"municipality_code" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_process_process_models_code_fk" FOREIGN KEY ("process") REFERENCES "public"."process_models"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_target_group_target_groups_code_fk" FOREIGN KEY ("target_group") REFERENCES "public"."target_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_initiating_unit_units_code_fk" FOREIGN KEY ("initiating_unit") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_steps" ADD CONSTRAINT "process_steps_process_code_process_models_code_fk" FOREIGN KEY ("process_code") REFERENCES "public"."process_models"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_code_organisations_code_fk" FOREIGN KEY ("organisation_code") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_events_as_of_idx" ON "case_events" USING btree ("case_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "cases_opened_on_idx" ON "cases" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "units_organisation_code_idx" ON "units" USING btree ("organisation_code");