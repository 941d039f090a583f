import { createHmac } from "node:crypto";
import {
  type EscalationFact,
  type IsoDate,
  type MetricAccess,
  recordKeyFromHash,
} from "@samsyn/domain";
import { and, arrayOverlaps, asc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { escalationLifts, escalations } from "../../schema";

/**
 * An escalation's record key for the cell-key method: from HMAC-SHA-256 of its id under the
 * installation secret, as a case's comes from its keyed ref hash. The id is public (it is in
 * every answer), so a key derived from the id alone would let anyone compute the noise and undo
 * it; the prefix keeps these hashes apart from the case refs'.
 */
export function escalationRecordKey(secret: string, id: string): number {
  if (secret === "") throw new Error("the installation secret (SAMSYN_SECRET) is empty");
  return recordKeyFromHash(createHmac("sha256", secret).update(`escalation:${id}`).digest());
}

/**
 * The facts the escalation metric is computed from (the domain's `escalationFigures`): every
 * escalation raised on or before `to` that `access` lets the caller count — lan and admin all,
 * others those in which one of their organisations is in dispute — with its lifts' days. The
 * SQL only loads; what counts where is the domain's.
 */
export async function escalationFacts(
  db: Db,
  access: MetricAccess,
  secret: string,
  to: IsoDate,
): Promise<EscalationFact[]> {
  const where = and(lte(escalations.openedOn, to), restrictedTo(access));
  const rows = await db
    .select({
      id: escalations.id,
      openedOn: escalations.openedOn,
      resolvedOn: escalations.resolvedOn,
    })
    .from(escalations)
    .where(where);
  const lifts = await db
    .select({ escalationId: escalationLifts.escalationId, liftedOn: escalationLifts.liftedOn })
    .from(escalationLifts)
    .innerJoin(escalations, eq(escalations.id, escalationLifts.escalationId))
    .where(where)
    .orderBy(asc(escalationLifts.escalationId), asc(escalationLifts.level));
  const liftedOn = new Map<string, IsoDate[]>();
  for (const lift of lifts) {
    const days = liftedOn.get(lift.escalationId) ?? [];
    days.push(lift.liftedOn);
    liftedOn.set(lift.escalationId, days);
  }
  return rows.map((row) => ({
    recordKey: escalationRecordKey(secret, row.id),
    openedOn: row.openedOn,
    liftedOn: liftedOn.get(row.id) ?? [],
    resolvedOn: row.resolvedOn ?? null,
  }));
}

function restrictedTo(access: MetricAccess): SQL | undefined {
  const restriction = access.restriction;
  if (restriction === undefined) return undefined;
  if (restriction.organisations.length === 0) return sql`false`;
  return arrayOverlaps(escalations.organisations, [...restriction.organisations] as never);
}

/** The escalation metric's own parameters beside the period (the query's `from` and `to`). */
export interface EscalationMetricParameters {
  /** Cells per level (`groupBy=level`), or one total cell. */
  readonly byLevel: boolean;
  /** The installation secret, which keys the escalations' record keys. */
  readonly recordKeySecret: string;
}
