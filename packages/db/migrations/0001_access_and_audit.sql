ALTER TABLE "audit_log" ADD COLUMN "scope_orgs" text[];--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "details" jsonb;--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor","id");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id","id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_check" CHECK (char_length("audit_log"."actor") BETWEEN 1 AND 256);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_role_check" CHECK ("audit_log"."role" IN ('admin', 'lan', 'ledning', 'samordnare', 'anonymous'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_outcome_check" CHECK ("audit_log"."outcome" IN ('ok', 'denied', 'not_found', 'unauthenticated', 'invalid', 'conflict'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("audit_log"."action" ~ '^[a-z_]+\.[a-z_]+$');--> statement-breakpoint
-- Append-only audit log (SPEC "Access"; issue 4). A trigger works the same on PostgreSQL and on
-- PGlite, where there are no other roles to revoke from. A table owner can still drop it: a
-- production deployment also runs the application as a role that does not own audit_log and
-- has UPDATE, DELETE and TRUNCATE revoked (packages/db/README.md).
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
