import { type SQL, sql } from "drizzle-orm";
import { caseStates, endOfToday, visibleTo } from "../queries/case-state";
import type { BulkSession } from "./session";

/**
 * Which case each ref of events.csv names. A ref names one case within the organisation whose
 * system it comes from — the initiating unit's —, so the ref is looked up among this import's
 * case rows and the stored cases the caller may write to: every stored case for an import
 * without a limit, only those in the caller's sight for a samordnare's (`allowedOrganisations`),
 * so that nothing about a case out of sight can show through an error.
 *
 * Fills `stage_cases.organisation_code` and creates `event_cases`: per ref of events.csv with at
 * least one candidate, how many organisations' cases it could name (`cases`) and, when one, that
 * organisation. A ref with no row there is an `unknownCase`; with `cases` > 1, an `ambiguousCase`.
 */
export async function resolveCases(
  session: BulkSession,
  allowedOrganisations: readonly string[] | undefined,
): Promise<void> {
  // A unit's organisation as stored; a new unit's from its first row in units.csv.
  await session.run(sql`UPDATE stage_cases s SET organisation_code = o.organisation_code
    FROM (SELECT code AS unit_code, organisation_code FROM units
      UNION ALL (SELECT DISTINCT ON (unit_code) unit_code, organisation_code FROM stage_units su
        WHERE ok AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = su.unit_code)
        ORDER BY unit_code, line)) o
    WHERE o.unit_code = s.initiating_unit`);
  const stored =
    allowedOrganisations === undefined
      ? sql`SELECT ref_hash, organisation_code FROM cases`
      : storedCasesInSight(allowedOrganisations);
  // A case row that failed validation still makes its ref known (no second error on its
  // events), without an organisation to count.
  await session.run(sql`CREATE TEMPORARY TABLE event_cases ON COMMIT DROP AS
    WITH refs AS (SELECT DISTINCT ref_hash FROM stage_events)
    SELECT ref_hash, count(organisation_code)::int AS cases,
      min(organisation_code) AS organisation_code
    FROM (
      SELECT s.ref_hash, s.organisation_code FROM stage_cases s JOIN refs USING (ref_hash)
      UNION
      SELECT c.ref_hash, c.organisation_code FROM (${stored}) c JOIN refs USING (ref_hash)
    ) candidates
    GROUP BY ref_hash`);
  await session.run(sql`ANALYZE event_cases`);
  await session.run(sql`ANALYZE stage_cases`);
}

/**
 * The stored cases named in events.csv that a samordnare of these organisations sees today
 * (`ref_hash`, `organisation_code`): the same rule as appending one event through the API
 * (`visibleTo`), judged on what is stored before this import, so a file cannot bring a case into
 * sight by adding a `join` of its own.
 */
function storedCasesInSight(allowedOrganisations: readonly string[]): SQL {
  const end = endOfToday();
  const asSamordnare = { sub: "import", role: "samordnare", orgs: allowedOrganisations } as const;
  const touched = caseStates(end, sql`c.ref_hash IN (SELECT ref_hash FROM stage_events)`);
  return sql`SELECT c.ref_hash, c.organisation_code FROM (${touched}) s
    JOIN cases c ON c.id = s.id WHERE ${visibleTo(asSamordnare, end)}`;
}
