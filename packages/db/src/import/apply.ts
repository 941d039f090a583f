import { sql } from "drizzle-orm";
import type { BulkSession } from "./session";

/**
 * Moves checked staging rows into the real tables. Runs only when no check failed, inside the
 * import's transaction; rows already present are left alone (SPEC: re-import changes nothing).
 */
export async function applyUnits(session: BulkSession): Promise<number> {
  // Renaming is routine, so a changed name updates; other differences were rejected as conflicts.
  await session.run(sql`INSERT INTO organisations (code, name, principal_type, municipality_code)
    SELECT DISTINCT ON (organisation_code)
      organisation_code, organisation_name, principal_type, municipality_code
    FROM stage_units WHERE ok ORDER BY organisation_code, line
    ON CONFLICT (code) DO UPDATE SET name = excluded.name
      WHERE organisations.name IS DISTINCT FROM excluded.name`);
  const [fresh] = await session.rows<{ n: number }>(sql`SELECT count(DISTINCT unit_code)::int AS n
    FROM stage_units s WHERE ok AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code)`);
  await session.run(sql`INSERT INTO units (code, name, organisation_code)
    SELECT DISTINCT ON (unit_code) unit_code, unit_name, organisation_code
    FROM stage_units WHERE ok ORDER BY unit_code, line
    ON CONFLICT (code) DO UPDATE SET name = excluded.name
      WHERE units.name IS DISTINCT FROM excluded.name`);
  return fresh?.n ?? 0;
}

/** A case is its ref within its organisation (`resolveCases`): new pairs are new cases. */
export function applyCases(session: BulkSession): Promise<number> {
  return session.run(sql`INSERT INTO cases (ref_hash, organisation_code, process, target_group,
      age_group, municipality_code, opened_on, initiating_unit)
    SELECT ref_hash, organisation_code, process, target_group, age_group, municipality_code,
      opened_on, initiating_unit
    FROM (SELECT DISTINCT ON (ref_hash, organisation_code) * FROM stage_cases s
      WHERE ok AND NOT EXISTS (SELECT 1 FROM cases c
        WHERE c.ref_hash = s.ref_hash AND c.organisation_code = s.organisation_code)
      ORDER BY ref_hash, organisation_code, line) first_rows
    ORDER BY line`);
}

/**
 * An event is present when its case has an event with the same columns and the same occurrence
 * number among identical rows (SPEC "Interchange format"). New events are recorded after all
 * existing ones, in file order: `seq` is the largest so far plus the line number, which keeps
 * file order without sorting a million rows again (gaps in `seq` carry no meaning). Each event's
 * case is the one its ref names (`event_cases`; the checks refused a ref naming none or several).
 */
export async function applyEvents(session: BulkSession): Promise<number> {
  // Two imports at once must not both continue from the same largest seq.
  await session.run(sql`LOCK TABLE case_events IN SHARE ROW EXCLUSIVE MODE`);
  return session.run(sql`INSERT INTO case_events
      (case_id, seq, occurred_at, type, step, unit_code, value, occurrence)
    SELECT n.case_id, last.seq + n.line,
      n.occurred_at, n.type, n.step, n.unit_code, n.value, n.occurrence
    FROM (
      SELECT c.id AS case_id, e.line, e.occurred_at, e.type, e.step, e.unit_code, e.value,
        row_number() OVER (
          PARTITION BY c.id, e.occurred_at, e.type, e.step, e.unit_code, e.value ORDER BY e.line
        ) AS occurrence
      FROM (SELECT *, timestamptz 'epoch' + occurred_at_ms * interval '1 millisecond' AS occurred_at
        FROM stage_events) e
      JOIN event_cases r ON r.ref_hash = e.ref_hash
      JOIN cases c ON c.ref_hash = r.ref_hash AND c.organisation_code = r.organisation_code
    ) n
    CROSS JOIN (SELECT coalesce(max(seq), 0) AS seq FROM case_events) last
    WHERE NOT EXISTS (SELECT 1 FROM case_events x
      WHERE x.case_id = n.case_id AND x.occurred_at = n.occurred_at AND x.type = n.type
        AND x.step IS NOT DISTINCT FROM n.step AND x.unit_code IS NOT DISTINCT FROM n.unit_code
        AND x.value IS NOT DISTINCT FROM n.value AND x.occurrence = n.occurrence)`);
}
