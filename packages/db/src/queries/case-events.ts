import {
  bringsUnitIn,
  type EventColumns,
  type EventRow,
  eventRowSchema,
  refusedIncomingEvents,
  type Scope,
} from "@samsyn/domain";
import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../audit";
import type { Db } from "../client";
import { caseEvents, processSteps, units } from "../schema";
import type { CaseStateRow } from "./case-state";
import { selectVisibleCase } from "./cases";
import { refreshCaseFacts } from "./metrics/case-facts";
import { ok, type Result, refuse, type ValidationDetail } from "./result";
import { selectRows } from "./rows";
import { detail, rowDetails } from "./validation";

/** An event as the API receives it; which fields a type needs is SPEC's table. */
export interface NewCaseEvent {
  /** `YYYY-MM-DD` (00:00 Europe/Stockholm), ISO 8601, or a local date-time read as Stockholm. */
  readonly occurredAt: string;
  readonly type: string;
  readonly step?: number;
  readonly unitCode?: string;
  readonly value?: string;
}

/**
 * Records an event of a case the caller sees (samordnare only; see `visibleTo`). Checked like an
 * imported row: the importer's row schema (which screens every field), the unit exists, the step
 * is in the case's process, and the consent rule lets a `lead` or `join` bring the unit in
 * (`refusedIncomingEvents`, as the importer's `consentRequired`). Recorded after every event so
 * far. Audited as `event.create`.
 */
export function appendCaseEvent(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  caseId: number,
  input: NewCaseEvent,
): Promise<Result<{ seq: number }>> {
  const entry = (outcome: AuditOutcome, found?: CaseStateRow, seq?: number): AuditEntry => ({
    action: "event.create",
    objectType: "case",
    objectId: String(caseId),
    outcome,
    caseRefHash: found === undefined ? null : Buffer.from(found.ref_hash_hex, "hex"),
    details: seq === undefined ? null : { seq },
  });
  return audited(db, ctx, async (tx) => {
    if (scope.role !== "samordnare") {
      return { result: refuse("forbidden"), audit: entry("denied") };
    }
    // Scope before content: an answer about the content would tell that the case exists.
    const found = await selectVisibleCase(tx, scope, caseId);
    if (found === undefined || !found.visible) {
      return { result: refuse("not_found"), audit: entry("not_found", found?.row) };
    }
    const parsed = eventRowSchema().safeParse(eventRecord(input));
    const invalid = parsed.success
      ? await referenceDetails(tx, found.row.process, parsed.data)
      : rowDetails(parsed.error);
    if (!parsed.success || invalid.length > 0) {
      return { result: refuse("invalid", invalid), audit: entry("invalid", found.row) };
    }
    const refused = await consentDetails(tx, scope, found.row, parsed.data);
    if (refused.length > 0) {
      return { result: refuse("invalid", refused), audit: entry("invalid", found.row) };
    }
    const seq = await insertEvent(tx, caseId, parsed.data);
    await refreshCaseFacts((statement) => tx.execute(statement), sql`SELECT ${caseId}::int`);
    return { result: ok({ seq }), audit: entry("ok", found.row, seq) };
  });
}

/** What the importer checks in SQL: the unit exists, the step is in the case's process. */
async function referenceDetails(db: Db, process: string, row: EventRow) {
  const details: ValidationDetail[] = [];
  if (row.unitCode !== null) {
    const found = await db.$count(units, eq(units.code, row.unitCode));
    if (found === 0) details.push(detail("unitCode", "access.invalid.unknownUnit"));
  }
  if (row.step !== null) {
    const found = await db.$count(
      processSteps,
      and(eq(processSteps.processCode, process), eq(processSteps.number, row.step)),
    );
    if (found === 0) details.push(detail("step", "access.invalid.stepNotInProcess"));
  }
  return details;
}

/**
 * The consent rule for a `lead` or `join` (SPEC "Consent"): judged as of the event, after every
 * stored event of the case, by the same domain function as the importer's rows.
 */
async function consentDetails(
  db: Db,
  scope: Scope,
  found: CaseStateRow,
  row: EventRow,
): Promise<ValidationDetail[]> {
  if (!bringsUnitIn(row.type)) return [];
  // No other writer may add an event before this one is recorded (`insertEvent` takes it too).
  await lockEvents(db);
  const recorded = await selectRows<EventColumns & { seq: number }>(
    db,
    sql`SELECT type, seq::float8 AS seq, (extract(epoch FROM occurred_at) * 1000)::float8
        AS "occurredAt", step::int AS step, unit_code AS "unitCode", value
      FROM case_events WHERE case_id = ${found.id}`,
  );
  const organisationOf = await unitOrganisations(db, found, row);
  const refused = refusedIncomingEvents(
    found.initiating_unit,
    recorded,
    [row],
    { organisations: scope.orgs },
    (unit) => organisationOf.get(unit),
  );
  return [...refused.values()].map((reason) => detail("unitCode", `import.error.${reason}`));
}

/** The organisation of every unit the case names, and of the new event's unit. */
async function unitOrganisations(db: Db, found: CaseStateRow, row: EventRow) {
  const rows = await selectRows<{ code: string; organisation_code: string }>(
    db,
    sql`SELECT code, organisation_code FROM units
      WHERE code IN (${found.initiating_unit}, ${row.unitCode})
        OR code IN (SELECT unit_code FROM case_events WHERE case_id = ${found.id})`,
  );
  return new Map(rows.map((u) => [u.code, u.organisation_code]));
}

function lockEvents(db: Db) {
  return db.execute(sql`LOCK TABLE case_events IN SHARE ROW EXCLUSIVE MODE`);
}

/**
 * Inserts after every recorded event: `seq` is unique over all cases, so the table lock (the
 * importer takes the same) keeps two writers from taking the same next number. `occurrence`
 * counts identical events of the case, as the importer does, so a later import of the same row
 * recognises it.
 */
async function insertEvent(db: Db, caseId: number, row: EventRow): Promise<number> {
  await lockEvents(db);
  const occurredAt = new Date(row.occurredAt).toISOString();
  const [inserted] = await db
    .insert(caseEvents)
    .values({
      caseId,
      seq: sql`(SELECT coalesce(max(seq), 0) + 1 FROM case_events)`,
      occurredAt: new Date(row.occurredAt),
      type: row.type,
      step: row.step,
      unitCode: row.unitCode,
      value: row.value,
      occurrence: sql`(SELECT count(*) + 1 FROM case_events x
        WHERE x.case_id = ${caseId} AND x.occurred_at = ${occurredAt}::timestamptz
          AND x.type = ${row.type} AND x.step IS NOT DISTINCT FROM ${row.step}::smallint
          AND x.unit_code IS NOT DISTINCT FROM ${row.unitCode}::text
          AND x.value IS NOT DISTINCT FROM ${row.value}::text)`,
    })
    .returning({ seq: caseEvents.seq });
  if (inserted === undefined) throw new Error("the event insert returned no row");
  return inserted.seq;
}

/** The API's event as an interchange row (the case is known already; its ref is not needed). */
function eventRecord(input: NewCaseEvent): Record<string, string> {
  return {
    case_ref: "-",
    occurred_at: input.occurredAt,
    type: input.type,
    step: input.step === undefined ? "" : String(input.step),
    unit_code: input.unitCode ?? "",
    value: input.value ?? "",
  };
}
