import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** Empties every table a test writes, keeping the catalogues that `migrate` seeded. */
export async function resetData(db: Db): Promise<void> {
  await db.execute(
    sql`TRUNCATE case_events, cases, units, organisations, imports, audit_log RESTART IDENTITY CASCADE`,
  );
}
