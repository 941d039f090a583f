CREATE TABLE "case_data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "case_data_version_one_row" CHECK ("case_data_version"."id")
);

--> statement-breakpoint
INSERT INTO "case_data_version" DEFAULT VALUES;
