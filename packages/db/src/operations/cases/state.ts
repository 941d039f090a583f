import type { OrganisationOf, RecordedCase, RecordedEvent } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../../client";
import { selectRows } from "../../queries/rows";

/**
 * What `decide` needs of a stored case: its initiating unit, the steps of its process as the
 * county set them, and its events with their recorded order.
 */
export async function loadRecordedCase(
  db: Db,
  found: { readonly id: number; readonly initiating_unit: string; readonly process: string },
): Promise<RecordedCase> {
  const [steps, events] = await Promise.all([
    selectRows<{ number: number }>(
      db,
      sql`SELECT number::int AS number FROM process_steps WHERE process_code = ${found.process}`,
    ),
    selectRows<RecordedEvent>(
      db,
      sql`SELECT type, seq::float8 AS seq, (extract(epoch FROM occurred_at) * 1000)::float8
          AS "occurredAt", step::int AS step, unit_code AS "unitCode", value
        FROM case_events WHERE case_id = ${found.id}`,
    ),
  ]);
  return {
    initiatingUnit: found.initiating_unit,
    processSteps: new Set(steps.map((s) => s.number)),
    events,
  };
}

/**
 * The organisation of each of `units` and of every unit case `caseId` names; a unit that does
 * not exist has none.
 */
export async function unitOrganisations(
  db: Db,
  units: readonly (string | null)[],
  caseId: number | null = null,
): Promise<OrganisationOf> {
  const named = units.filter((u) => u !== null);
  const listed =
    named.length === 0
      ? sql`false`
      : sql`code IN (${sql.join(
          named.map((u) => sql`${u}`),
          sql`, `,
        )})`;
  const rows = await selectRows<{ code: string; organisation_code: string }>(
    db,
    sql`SELECT code, organisation_code FROM units
      WHERE ${listed} OR code IN (SELECT unit_code FROM case_events WHERE case_id = ${caseId})`,
  );
  const organisationOf = new Map(rows.map((u) => [u.code, u.organisation_code]));
  return (unit) => organisationOf.get(unit);
}

/**
 * `seq` is unique over all cases and an event is judged against every event before it, so a
 * writer holds this from loading the case until its insert commits; the importer takes the same.
 */
export async function lockEvents(db: Db): Promise<void> {
  await db.execute(sql`LOCK TABLE case_events IN SHARE ROW EXCLUSIVE MODE`);
}
