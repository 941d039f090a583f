CREATE TABLE "dashboard_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"scope" jsonb NOT NULL,
	"id_token" "bytea",
	"ends_at" timestamp with time zone NOT NULL,
	"last_call_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_sign_ins" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"attempt" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"state" text NOT NULL,
	"progress" jsonb NOT NULL,
	"report" jsonb,
	"failure" text,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
-- UNLOGGED (hand-edited): a counter lost in a crash costs nothing; a request must not wait for WAL.
CREATE UNLOGGED TABLE "rate_limit_windows" (
	"limiter" text NOT NULL,
	"key" text NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_windows_limiter_key_window_start_pk" PRIMARY KEY("limiter","key","window_start")
);
--> statement-breakpoint
CREATE INDEX "dashboard_sessions_ends_at_idx" ON "dashboard_sessions" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "dashboard_sign_ins_expires_at_idx" ON "dashboard_sign_ins" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "import_jobs_finished_at_idx" ON "import_jobs" USING btree ("finished_at");