import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Empties every table a test writes, keeping the catalogues that `migrate` seeded. The audit log
 * refuses TRUNCATE by trigger; a test database's owner may switch the trigger off for the
 * duration of one transaction, which is exactly why production must not run as the owner.
 */
export async function resetData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`);
    await tx.execute(
      // The metrics' derived tables have no key to cases for CASCADE to follow: named here.
      sql`TRUNCATE evaluation_events, evaluation_votes, evaluation_items, evaluation_groups,
        evaluations, escalation_lifts, escalations, forum_actions, forum_decisions, forum_agenda_items,
        forum_meetings, forums, agreement_deviations, agreement_indicators, agreement_revisions, agreements,
        case_events, cases, case_facts, case_codes, case_steps, case_timelines,
        case_pairs, units, organisations, imports, installation, audit_log RESTART IDENTITY CASCADE`,
    );
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate`);
    // Data changed without a write's refresh: a metric cache must not serve the old figures.
    await tx.execute(sql`UPDATE case_data_version SET version = version + 1`);
  });
}
