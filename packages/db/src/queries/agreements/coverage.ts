import type { CoverageCell, IsoDate, MunicipalityCode, TargetGroupCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../rows";

export interface AgreementCoverage {
  readonly asOf: IsoDate;
  /** The statutory target groups, the columns of the matrix. */
  readonly targetGroups: readonly TargetGroupCode[];
  readonly cells: readonly CoverageCell[];
}

interface CoverageRow {
  municipality: MunicipalityCode;
  target_group: TargetGroupCode;
  agreements: string[];
}

/**
 * SPEC "Överenskommelser", coverage as of a day: every municipality of the county × every
 * statutory target group, with the agreements in force that cover it (the domain's `coverage`
 * is the reference, held to this by a property test). Codes sort bytewise (`COLLATE "C"`) and
 * ids as uuids, which is the order of their text, so the answer is the same on every server.
 */
export async function agreementCoverage(db: Db, asOf: IsoDate): Promise<AgreementCoverage> {
  const rows = await selectRows<CoverageRow>(
    db,
    sql`
    SELECT m.code AS municipality, g.code AS target_group,
           coalesce(array_agg(a.id::text ORDER BY a.id) FILTER (WHERE a.id IS NOT NULL), '{}')
             AS agreements
      FROM municipalities m
     CROSS JOIN target_groups g
      LEFT JOIN agreements a
        ON a.status IN ('active', 'under_review')
       AND a.valid_from <= ${asOf}::date
       AND (a.valid_to IS NULL OR a.valid_to >= ${asOf}::date)
       AND m.code = ANY (a.municipalities)
       AND g.code = ANY (a.target_groups)
       AND EXISTS (SELECT FROM organisations o
                    WHERE o.code = ANY (a.parties)
                      AND o.principal_type = 'kommun' AND o.municipality_code = m.code)
       AND EXISTS (SELECT FROM organisations o
                    WHERE o.code = ANY (a.parties) AND o.principal_type = 'region')
     WHERE g.statutory
     GROUP BY m.code, g.code
     ORDER BY m.code COLLATE "C", g.code COLLATE "C"`,
  );
  const cells = rows.map((r) => ({
    municipality: r.municipality,
    targetGroup: r.target_group,
    covered: r.agreements.length > 0,
    agreements: r.agreements,
  }));
  const targetGroups = [...new Set(cells.map((c) => c.targetGroup))].sort(bytewise);
  return { asOf, targetGroups, cells };
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
