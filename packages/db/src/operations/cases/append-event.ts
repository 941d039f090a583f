import {
  decide,
  type NewEvent,
  parseRecordEvent,
  type RecordEventInput,
  type Scope,
} from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import type { CaseStateRow } from "../../queries/case-state";
import { selectVisibleCase } from "../../queries/cases";
import { ok, type Result, refuse } from "../../queries/result";
import { fieldDetails } from "../../queries/validation";
import { caseEvents } from "../../schema";
import { refreshCaseFacts } from "../case-facts/refresh";
import { auditOutcomes, refusalOf } from "../refusal";
import { loadRecordedCase, lockEvents, unitOrganisations } from "./state";

/** An event as the API receives it; which fields a type needs is SPEC's table. */
export type NewCaseEvent = RecordEventInput;

/**
 * Records an event of a case the caller sees (samordnare only; see `visibleTo`). Parsed as an
 * imported `events.csv` row is (every field screened), then `decide` checks it as the importer
 * checks a row of a stored case: the unit exists, the step is in the case's process, and the
 * consent rule lets a `lead` or `join` bring the unit in. Recorded after every event so far.
 * Audited as `event.create`.
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
    const parsed = parseRecordEvent(input, { organisations: scope.orgs });
    if (!parsed.ok) {
      const details = fieldDetails(parsed.error);
      return { result: refuse("invalid", details), audit: entry("invalid", found.row) };
    }
    await lockEvents(tx);
    const recorded = await loadRecordedCase(tx, found.row);
    const { event } = parsed.value;
    const units = [found.row.initiating_unit, event.unitCode];
    const organisationOf = await unitOrganisations(tx, units, caseId);
    const decision = decide(parsed.value, { recorded, organisationOf });
    if (!decision.ok) {
      const refusal = refusalOf<{ seq: number }>(decision.error);
      return { result: refusal, audit: entry(auditOutcomes[refusal.error], found.row) };
    }
    const [recordedEvent] = decision.value;
    if (recordedEvent?.type !== "eventRecorded") throw new Error("decide recorded no event");
    const seq = await insertEvent(tx, caseId, recordedEvent.event);
    await refreshCaseFacts((statement) => tx.execute(statement), sql`SELECT ${caseId}::int`);
    return { result: ok({ seq }), audit: entry("ok", found.row, seq) };
  });
}

/**
 * Inserts after every recorded event, under `lockEvents`. `occurrence` counts identical events
 * of the case, as the importer does, so a later import of the same row recognises it.
 */
async function insertEvent(db: Db, caseId: number, event: NewEvent): Promise<number> {
  const occurredAt = new Date(event.occurredAt).toISOString();
  const [inserted] = await db
    .insert(caseEvents)
    .values({
      caseId,
      seq: sql`(SELECT coalesce(max(seq), 0) + 1 FROM case_events)`,
      occurredAt: new Date(event.occurredAt),
      type: event.type,
      step: event.step,
      unitCode: event.unitCode,
      value: event.value,
      occurrence: sql`(SELECT count(*) + 1 FROM case_events x
        WHERE x.case_id = ${caseId} AND x.occurred_at = ${occurredAt}::timestamptz
          AND x.type = ${event.type} AND x.step IS NOT DISTINCT FROM ${event.step}::smallint
          AND x.unit_code IS NOT DISTINCT FROM ${event.unitCode}::text
          AND x.value IS NOT DISTINCT FROM ${event.value}::text)`,
    })
    .returning({ seq: caseEvents.seq });
  if (inserted === undefined) throw new Error("the event insert returned no row");
  return inserted.seq;
}
