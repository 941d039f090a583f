import { createHmac } from "node:crypto";
import {
  type ImprovementThemeFact,
  type IsoDate,
  recordKeyFromHash,
  type ThemeDimension,
  type ThemeItemFact,
} from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../rows";

/**
 * An item's record key for the cell-key method: from HMAC-SHA-256 of its id under the
 * installation secret (the id is in every answer, so a key from it alone could be undone); the
 * prefix keeps these hashes apart from the case refs' and the escalations'.
 */
export function evaluationItemRecordKey(secret: string, id: string): number {
  if (secret === "") throw new Error("the installation secret (SAMSYN_SECRET) is empty");
  return recordKeyFromHash(createHmac("sha256", secret).update(`evaluation_item:${id}`).digest());
}

/** The theme trend's own parameters beside the period (the query's `from` and `to`). */
export interface ThemeTrendParameters {
  readonly groupBy: readonly ThemeDimension[];
  /** The sessions counted: undefined the county's (lan, admin), else these organisations'. */
  readonly organisations: readonly string[] | undefined;
  /** The installation secret, which keys the items' record keys. */
  readonly recordKeySecret: string;
}

/** Every item written within [from, to] (Europe/Stockholm days) in the sessions counted. */
export async function themeItemFacts(
  db: Db,
  parameters: ThemeTrendParameters,
  period: { readonly from?: IsoDate; readonly to: IsoDate },
): Promise<ThemeItemFact[]> {
  const rows = await selectRows<{
    id: string;
    kind: "worked_well" | "improve";
    theme: string;
    process: string | null;
    step: number | null;
    written_on: IsoDate;
  }>(
    db,
    sql`SELECT i.id::text, i.kind, i.theme, e.process, i.step::int AS step,
               to_char(i.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS written_on
        FROM evaluation_items i JOIN evaluations e ON e.id = i.evaluation_id
        WHERE ${sessionsOf(parameters.organisations)}
          AND (i.created_at AT TIME ZONE 'Europe/Stockholm')::date <= ${period.to}::date
          ${period.from === undefined ? sql`` : sql`AND (i.created_at AT TIME ZONE 'Europe/Stockholm')::date >= ${period.from}::date`}`,
  );
  return rows.map((r) => ({
    recordKey: evaluationItemRecordKey(parameters.recordKeySecret, r.id),
    kind: r.kind,
    theme: r.theme,
    process: r.process,
    step: r.step,
    writtenOn: r.written_on,
  }));
}

/**
 * Per session and theme, its improvement items: what the recurring-theme rule reads, for the
 * sessions of `organisations` held on or after `since`.
 */
export async function improvementThemeFacts(
  db: Db,
  organisations: readonly string[],
  since: IsoDate,
): Promise<ImprovementThemeFact[]> {
  if (organisations.length === 0) return [];
  const rows = await selectRows<{
    evaluation_id: string;
    theme: string;
    held_on: IsoDate;
    items: number;
  }>(
    db,
    sql`SELECT e.id::text AS evaluation_id, i.theme,
               to_char(e.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS held_on,
               count(*)::int AS items
        FROM evaluation_items i JOIN evaluations e ON e.id = i.evaluation_id
        WHERE i.kind = 'improve' AND ${sessionsOf(organisations)}
          AND (e.created_at AT TIME ZONE 'Europe/Stockholm')::date >= ${since}::date
        GROUP BY 1, 2, 3`,
  );
  return rows.map((r) => ({
    evaluationId: r.evaluation_id,
    theme: r.theme,
    heldOn: r.held_on,
    items: r.items,
  }));
}

function sessionsOf(organisations: readonly string[] | undefined): SQL {
  if (organisations === undefined) return sql`true`;
  if (organisations.length === 0) return sql`false`;
  const codes = sql.join(
    organisations.map((o) => sql`${o}`),
    sql`, `,
  );
  return sql`e.organisations && ARRAY[${codes}]::text[]`;
}
