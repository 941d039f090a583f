import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { selectRows } from "../queries/rows";

/**
 * The county's organisation codes, as stored (a county edits its catalogue): what a forum's
 * members, an escalation's parties or an evaluation's organisations may name. One read for the
 * modules that check codes against it.
 */
export async function loadOrganisationCodes(db: Db): Promise<ReadonlySet<string>> {
  const rows = await selectRows<{ code: string }>(db, sql`SELECT code FROM organisations`);
  return new Set(rows.map((r) => r.code));
}
