import {
  bringsUnitIn,
  type EventColumns,
  type EventType,
  eventTypes,
  type ImportErrorCode,
  type InterchangeFile,
  refusedIncomingEvents,
} from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ErrorInput, ImportErrors } from "./errors";
import type { BulkSession } from "./session";

/**
 * A check over the staging tables: `lines` selects the `line` of each offending row in SQL with
 * its rejected `value` (text, or NULL when the staging tables do not hold it: a ref is only
 * stored hashed), or reads the rows a rule of the domain needs and returns those it refuses.
 * A check of steps also selects the case's `process`, so that the error can list its steps.
 */
export interface ReferenceCheck {
  readonly file: InterchangeFile;
  readonly column: string;
  readonly code: ImportErrorCode;
  readonly lines: SQL | ((session: BulkSession) => Promise<readonly OffendingRow[]>);
  readonly byProcess?: boolean;
}

/**
 * Rows that contradict each other or the database. A unit, organisation or case may repeat
 * in the files and may already be stored, but only with the same attributes; names of units
 * and organisations are the exception (they are updated), because renaming is routine.
 */
const checks: readonly ReferenceCheck[] = [
  {
    file: "units",
    column: "unit_code",
    code: "conflictingUnit",
    lines: differsFromFirst(
      "stage_units",
      "unit_code",
      ["unit_name", "organisation_code"],
      "unit_code",
    ),
  },
  {
    file: "units",
    column: "organisation_code",
    code: "conflictingUnit",
    lines: sql`SELECT s.line, s.organisation_code AS value
      FROM stage_units s JOIN units u ON u.code = s.unit_code
      WHERE s.ok AND u.organisation_code <> s.organisation_code`,
  },
  {
    file: "units",
    column: "organisation_code",
    code: "conflictingOrganisation",
    lines: differsFromFirst(
      "stage_units",
      "organisation_code",
      ["organisation_name", "principal_type", "municipality_code"],
      "organisation_code",
    ),
  },
  {
    file: "units",
    column: "principal_type",
    code: "conflictingOrganisation",
    lines: sql`SELECT s.line, s.principal_type AS value
      FROM stage_units s JOIN organisations o ON o.code = s.organisation_code
      WHERE s.ok AND (o.principal_type, o.municipality_code)
        IS DISTINCT FROM (s.principal_type, s.municipality_code)`,
  },
  {
    file: "cases",
    column: "case_ref",
    code: "conflictingCase",
    lines: differsFromFirst(
      "stage_cases",
      ["ref_hash", "organisation_code"],
      caseAttributes(),
      null,
    ),
  },
  {
    file: "cases",
    column: "case_ref",
    code: "conflictingCase",
    lines: sql`SELECT s.line, NULL::text AS value FROM stage_cases s
      JOIN cases c ON c.ref_hash = s.ref_hash AND c.organisation_code = s.organisation_code
      WHERE s.ok AND (${attributes("c")}) IS DISTINCT FROM (${attributes("s")})`,
  },
  {
    file: "cases",
    column: "initiating_unit",
    code: "unknownUnit",
    lines: sql`SELECT s.line, s.initiating_unit AS value FROM stage_cases s
      WHERE s.ok ${andUnknownUnit(sql`s.initiating_unit`)}`,
  },
  {
    // No case of this import and none stored that the caller may write to (`resolveCases`):
    // for a limited import, a case out of sight is unknown in the same words as no case at all.
    file: "events",
    column: "case_ref",
    code: "unknownCase",
    lines: sql`SELECT e.line, NULL::text AS value FROM stage_events e
      WHERE NOT EXISTS (SELECT 1 FROM event_cases r WHERE r.ref_hash = e.ref_hash)`,
  },
  {
    file: "events",
    column: "case_ref",
    code: "ambiguousCase",
    lines: sql`SELECT e.line, NULL::text AS value
      FROM stage_events e JOIN event_cases r ON r.ref_hash = e.ref_hash
      WHERE r.cases > 1`,
  },
  {
    file: "events",
    column: "unit_code",
    code: "unknownUnit",
    lines: sql`SELECT e.line, e.unit_code AS value FROM stage_events e
      WHERE e.unit_code IS NOT NULL ${andUnknownUnit(sql`e.unit_code`)}`,
  },
  {
    // The process of the one case the ref names; a case out of the caller's sight is no
    // candidate (`resolveCases`), so its process never shows through an error.
    file: "events",
    column: "step",
    code: "stepNotInProcess",
    byProcess: true,
    lines: sql`SELECT e.line, e.step::text AS value, coalesce(c.process, s.process) AS process
      FROM stage_events e
      JOIN event_cases r ON r.ref_hash = e.ref_hash AND r.cases = 1
      LEFT JOIN cases c ON c.ref_hash = r.ref_hash AND c.organisation_code = r.organisation_code
      LEFT JOIN (SELECT DISTINCT ON (ref_hash, organisation_code) ref_hash, organisation_code,
          process FROM stage_cases WHERE ok ORDER BY ref_hash, organisation_code, line) s
        ON s.ref_hash = r.ref_hash AND s.organisation_code = r.organisation_code
      WHERE e.step IS NOT NULL AND coalesce(c.process, s.process) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM process_steps p
          WHERE p.process_code = coalesce(c.process, s.process) AND p.number = e.step)`,
  },
];

/**
 * Runs the reference checks, then `extra` (the scope checks of a limited import). The refs of
 * events.csv must have been resolved first (`resolveCases`).
 */
export async function checkReferences(
  session: BulkSession,
  errors: ImportErrors,
  extra: readonly ReferenceCheck[] = [],
): Promise<void> {
  for (const check of [...checks, ...extra]) {
    for (const group of await offendingGroups(session, check)) {
      const error: ErrorInput = {
        file: check.file,
        line: null,
        column: check.column,
        code: check.code,
        value: group.value,
        process: group.process,
        allowed: group.process === null ? [] : await stepsOf(session, group.process),
      };
      errors.addLines(error, group.lines);
    }
  }
}

/** A row a check refuses: its line and the rejected value, if known. */
export interface OffendingRow {
  readonly line: number;
  readonly value: string | null;
}

interface OffendingGroup {
  readonly value: string | null;
  readonly process: string | null;
  readonly lines: readonly number[];
}

/** The rows a check rejects, grouped by value (and process), each group's lines in order. */
async function offendingGroups(
  session: BulkSession,
  check: ReferenceCheck,
): Promise<OffendingGroup[]> {
  if (typeof check.lines === "function") {
    const byValue = new Map<string | null, number[]>();
    for (const { line, value } of await check.lines(session)) {
      const lines = byValue.get(value);
      if (lines === undefined) byValue.set(value, [line]);
      else lines.push(line);
    }
    return [...byValue].map(([value, lines]) => ({ value, process: null, lines }));
  }
  const process = check.byProcess === true ? sql`process` : sql`NULL::text`;
  // Lines as text: both drivers read a text as it is, while arrays of numbers differ.
  const found = await session.rows<{ value: string | null; process: string | null; lines: string }>(
    sql`SELECT value, ${process} AS process, string_agg(line::text, ',' ORDER BY line) AS lines
      FROM (${check.lines}) c GROUP BY 1, 2 ORDER BY min(line)`,
  );
  return found.map((g) => ({
    value: g.value,
    process: g.process,
    lines: g.lines.split(",").map(Number),
  }));
}

/** A process's step numbers, for an error naming a step outside it. */
async function stepsOf(session: BulkSession, process: string): Promise<string[]> {
  const rows = await session.rows<{ number: number }>(
    sql`SELECT number::int AS number FROM process_steps WHERE process_code = ${process}
      ORDER BY number`,
  );
  return rows.map((r) => String(r.number));
}

function caseAttributes(): string[] {
  return [
    "process",
    "target_group",
    "age_group",
    "municipality_code",
    "opened_on",
    "initiating_unit",
  ];
}

function attributes(alias: string): SQL {
  return sql.raw(
    caseAttributes()
      .map((a) => `${alias}.${a}`)
      .join(", "),
  );
}

/**
 * Lines whose attributes differ from those of the first line with the same key; `value` the
 * column repeated as the rejected value (null for a key only stored hashed).
 */
function differsFromFirst(
  table: string,
  key: string | readonly string[],
  columns: readonly string[],
  value: string | null,
): SQL {
  const keys = typeof key === "string" ? [key] : key;
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(", ");
  const same = keys.map((k) => `f.${k} = s.${k}`).join(" AND ");
  const shown = value === null ? "NULL::text" : `s.${value}`;
  return sql.raw(`SELECT s.line, ${shown} AS value FROM ${table} s
    JOIN (SELECT DISTINCT ON (${keys.join(", ")}) * FROM ${table} WHERE ok
      ORDER BY ${keys.join(", ")}, line) f ON ${same}
    WHERE s.ok AND (${list("s")}) IS DISTINCT FROM (${list("f")})`);
}

function andUnknownUnit(unit: SQL): SQL {
  return sql`AND NOT EXISTS (SELECT 1 FROM stage_units u WHERE u.unit_code = ${unit})
    AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = ${unit})`;
}

/**
 * For an import limited to the caller's organisations (a samordnare's; SPEC "Roles and scope":
 * cases and events of own units): units of other organisations, cases initiated at another
 * organisation's unit, and a `lead` or `join` that the consent rule refuses. A unit or case
 * unknown altogether is already reported by the checks above, so only known ones are looked at
 * here.
 *
 * No answer may tell that a ref exists out of the caller's sight. A stored case the caller does
 * not see is no candidate for an event's ref (`resolveCases`), so its events are an
 * `unknownCase`, in the same words as a ref that exists nowhere, and nothing else about it is
 * looked at: not its process, not its consent. A ref names a case within its organisation, so a
 * case row whose ref another organisation uses is simply a new case of the caller's.
 */
export function scopeChecks(allowedOrganisations: readonly string[]): ReferenceCheck[] {
  const own = ownUnits(allowedOrganisations);
  return [
    {
      file: "units",
      column: "organisation_code",
      code: "organisationOutsideScope",
      lines: sql`SELECT s.line, s.organisation_code AS value FROM stage_units s
        WHERE s.ok AND NOT ${isOneOf(sql`s.organisation_code`, allowedOrganisations)}`,
    },
    {
      file: "cases",
      column: "initiating_unit",
      code: "unitOutsideScope",
      lines: sql`SELECT s.line, s.initiating_unit AS value FROM stage_cases s
        WHERE s.ok AND ${isKnownUnit(sql`s.initiating_unit`)} AND s.initiating_unit NOT IN (${own})`,
    },
    {
      file: "events",
      column: "unit_code",
      code: "consentRequired",
      lines: (session) => refusedByConsent(session, allowedOrganisations),
    },
  ];
}

/** The units of the allowed organisations: stored, or staged in this import under one of them. */
function ownUnits(allowedOrganisations: readonly string[]): SQL {
  if (allowedOrganisations.length === 0) return sql`SELECT NULL::text AS code WHERE false`;
  const orgs = [...allowedOrganisations];
  return sql`SELECT unit_code AS code FROM stage_units WHERE ok AND organisation_code IN ${orgs}
    UNION SELECT code FROM units WHERE organisation_code IN ${orgs}`;
}

function isOneOf(column: SQL, values: readonly string[]): SQL {
  return values.length === 0 ? sql`false` : sql`${column} IN ${[...values]}`;
}

function isKnownUnit(unit: SQL): SQL {
  return sql`(EXISTS (SELECT 1 FROM stage_units u WHERE u.unit_code = ${unit})
    OR EXISTS (SELECT 1 FROM units u WHERE u.code = ${unit}))`;
}

/** The event types that bring a unit into a case, for SQL. */
const unitBringingTypes: readonly EventType[] = eventTypes.filter(bringsUnitIn);

/**
 * The lines of the `lead` and `join` rows that the domain's consent rule refuses
 * (`refusedIncomingEvents`): per case the caller may write to — stored and in sight, or new in
 * this import —, its stored events and this import's new ones, each judged as of itself. Rows
 * already stored are skipped by the import and so not judged again, which keeps a re-import
 * idempotent. Only cases with such a row naming a unit outside the caller's organisations are
 * read: the rule always allows the caller's own units, so the others have nothing to refuse.
 * An import without a limit acts for every organisation, which the rule always allows, so only
 * a limited import runs this.
 */
async function refusedByConsent(
  session: BulkSession,
  allowedOrganisations: readonly string[],
): Promise<OffendingRow[]> {
  // The case each ref names (`event_cases`: for a limited import only stored cases in sight).
  await session.run(sql`CREATE TEMPORARY TABLE sharing_cases ON COMMIT DROP AS
    WITH candidates AS (
      SELECT r.ref_hash, r.organisation_code FROM event_cases r
      WHERE r.cases = 1 AND r.ref_hash IN (SELECT e.ref_hash FROM stage_events e
        WHERE e.type IN ${[...unitBringingTypes]}
          AND e.unit_code NOT IN (${ownUnits(allowedOrganisations)})))
    SELECT c.id, c.ref_hash, c.initiating_unit FROM cases c
      JOIN candidates k ON k.ref_hash = c.ref_hash AND k.organisation_code = c.organisation_code
    UNION ALL
    SELECT * FROM (SELECT DISTINCT ON (s.ref_hash) NULL::int, s.ref_hash, s.initiating_unit
      FROM stage_cases s
      JOIN candidates k ON k.ref_hash = s.ref_hash AND k.organisation_code = s.organisation_code
      WHERE s.ok AND NOT EXISTS (SELECT 1 FROM cases c
        WHERE c.ref_hash = s.ref_hash AND c.organisation_code = s.organisation_code)
      ORDER BY s.ref_hash, s.line) first_rows`);
  const cases = await session.rows<{ ref: string; initiating_unit: string }>(
    sql`SELECT encode(ref_hash, 'hex') AS ref, initiating_unit FROM sharing_cases`,
  );
  if (cases.length === 0) return [];
  // Judged as of what is stored: no other writer may add an event before this import's own
  // (appendCaseEvent and applyEvents take the same lock; this holds it until the import ends).
  await session.run(sql`LOCK TABLE case_events IN SHARE ROW EXCLUSIVE MODE`);
  const recorded = groupByCase(await storedEvents(session));
  const incoming = groupByCase(await newStagedEvents(session));
  const organisationOf = await unitOrganisations(session);
  const recorder = { organisations: allowedOrganisations };
  const refused: OffendingRow[] = [];
  for (const { ref, initiating_unit } of cases) {
    const rows = incoming.get(ref) ?? [];
    const verdicts = refusedIncomingEvents(
      initiating_unit,
      recorded.get(ref) ?? [],
      rows,
      recorder,
      (unit) => organisationOf.get(unit),
    );
    for (const index of verdicts.keys()) {
      const row = rows[index];
      refused.push({ line: row?.line ?? 0, value: row?.unitCode ?? null });
    }
  }
  return refused.sort((a, b) => a.line - b.line);
}

interface EventRowOfCase extends EventColumns {
  readonly ref: string;
  readonly seq: number;
  readonly line: number;
}

function groupByCase(rows: readonly EventRowOfCase[]): Map<string, EventRowOfCase[]> {
  const byCase = new Map<string, EventRowOfCase[]>();
  for (const row of rows) {
    const events = byCase.get(row.ref);
    if (events === undefined) byCase.set(row.ref, [row]);
    else events.push(row);
  }
  return byCase;
}

/** Columns as `EventColumns` names them; numbers as float8, which both drivers read as numbers. */
const eventColumns = sql`type, step::int AS step, unit_code AS "unitCode", value`;

/** The stored events of the cases in `sharing_cases`. */
function storedEvents(session: BulkSession) {
  return session.rows<EventRowOfCase>(sql`
    SELECT encode(k.ref_hash, 'hex') AS ref, x.seq::float8 AS seq, 0 AS line,
      (extract(epoch FROM x.occurred_at) * 1000)::float8 AS "occurredAt", ${eventColumns}
    FROM sharing_cases k JOIN case_events x ON x.case_id = k.id`);
}

/**
 * This import's rows of the cases in `sharing_cases` that are not stored yet, in file order. An
 * event is stored when its case has one with the same columns and the same occurrence number
 * among identical rows (SPEC "Interchange format"): the identity `applyEvents` skips by.
 */
function newStagedEvents(session: BulkSession) {
  return session.rows<EventRowOfCase>(sql`
    SELECT encode(n.ref_hash, 'hex') AS ref, 0 AS seq, n.line,
      n.occurred_at_ms::float8 AS "occurredAt", ${eventColumns}
    FROM (
      SELECT e.*, k.id AS case_id,
        timestamptz 'epoch' + e.occurred_at_ms * interval '1 millisecond' AS occurred_at,
        row_number() OVER (
          PARTITION BY e.ref_hash, e.occurred_at_ms, e.type, e.step, e.unit_code, e.value
          ORDER BY e.line
        ) AS occurrence
      FROM stage_events e JOIN sharing_cases k ON k.ref_hash = e.ref_hash
    ) n
    WHERE NOT EXISTS (SELECT 1 FROM case_events x
      WHERE x.case_id = n.case_id AND x.occurred_at = n.occurred_at AND x.type = n.type
        AND x.step IS NOT DISTINCT FROM n.step AND x.unit_code IS NOT DISTINCT FROM n.unit_code
        AND x.value IS NOT DISTINCT FROM n.value AND x.occurrence = n.occurrence)
    ORDER BY n.line`);
}

/** Every unit's organisation: stored, or staged in this import (a new unit's first row). */
async function unitOrganisations(session: BulkSession): Promise<Map<string, string>> {
  const rows = await session.rows<{ code: string; organisation_code: string }>(sql`
    SELECT code, organisation_code FROM units
    UNION ALL SELECT DISTINCT ON (unit_code) unit_code, organisation_code FROM stage_units s
      WHERE ok AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.unit_code)
    ORDER BY 1`);
  return new Map(rows.map((r) => [r.code, r.organisation_code]));
}
