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
import { caseStates, endOfToday, visibleTo } from "../queries/case-state";
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
  /** The check of an unlimited import that this one, limited to the caller's sight, replaces. */
  readonly replaces?: ReferenceCheck;
}

const anyStepNotInProcess = stepNotInProcess(sql`SELECT ref_hash, process FROM cases`);

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
    lines: differsFromFirst("stage_cases", "ref_hash", caseAttributes(), null),
  },
  {
    file: "cases",
    column: "case_ref",
    code: "conflictingCase",
    lines: sql`SELECT s.line, NULL::text AS value FROM stage_cases s JOIN cases c ON c.ref_hash = s.ref_hash
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
    file: "events",
    column: "case_ref",
    code: "unknownCase",
    lines: sql`SELECT e.line, NULL::text AS value FROM stage_events e
      WHERE NOT EXISTS (SELECT 1 FROM stage_cases s WHERE s.ref_hash = e.ref_hash)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.ref_hash = e.ref_hash)`,
  },
  {
    file: "events",
    column: "unit_code",
    code: "unknownUnit",
    lines: sql`SELECT e.line, e.unit_code AS value FROM stage_events e
      WHERE e.unit_code IS NOT NULL ${andUnknownUnit(sql`e.unit_code`)}`,
  },
  anyStepNotInProcess,
];

/**
 * A step outside its case's process. `storedCases` (ref_hash, process) are the stored cases it
 * may look at: all of them, or for a limited import only those the caller sees, since the
 * process of a case out of sight must not show through a second error on its rows.
 */
function stepNotInProcess(storedCases: SQL): ReferenceCheck {
  return {
    file: "events",
    column: "step",
    code: "stepNotInProcess",
    byProcess: true,
    // A case is either stored or staged; when both, the attributes agree (checked above).
    lines: sql`SELECT e.line, e.step::text AS value, coalesce(c.process, s.process) AS process
      FROM stage_events e
      LEFT JOIN (${storedCases}) c ON c.ref_hash = e.ref_hash
      LEFT JOIN (SELECT DISTINCT ON (ref_hash) ref_hash, process FROM stage_cases
        WHERE ok ORDER BY ref_hash, line) s ON s.ref_hash = e.ref_hash
      WHERE e.step IS NOT NULL AND coalesce(c.process, s.process) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM process_steps p
          WHERE p.process_code = coalesce(c.process, s.process) AND p.number = e.step)`,
  };
}

/**
 * Runs the reference checks, then `extra` (the scope checks of a limited import), each of which
 * takes the place of the check it `replaces`.
 */
export async function checkReferences(
  session: BulkSession,
  errors: ImportErrors,
  extra: readonly ReferenceCheck[] = [],
): Promise<void> {
  const replaced = new Set(extra.map((check) => check.replaces));
  for (const check of [...checks.filter((c) => !replaced.has(c)), ...extra]) {
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
  key: string,
  columns: readonly string[],
  value: string | null,
): SQL {
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(", ");
  const shown = value === null ? "NULL::text" : `s.${value}`;
  return sql.raw(`SELECT s.line, ${shown} AS value FROM ${table} s
    JOIN (SELECT DISTINCT ON (${key}) * FROM ${table} WHERE ok ORDER BY ${key}, line) f
      ON f.${key} = s.${key}
    WHERE s.ok AND (${list("s")}) IS DISTINCT FROM (${list("f")})`);
}

function andUnknownUnit(unit: SQL): SQL {
  return sql`AND NOT EXISTS (SELECT 1 FROM stage_units u WHERE u.unit_code = ${unit})
    AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = ${unit})`;
}

/**
 * For an import limited to the caller's organisations (a samordnare's; SPEC "Roles and scope":
 * cases and events of own units): units of other organisations, cases initiated at another
 * organisation's unit, events of a stored case the caller cannot see, and a `lead` or `join`
 * that the consent rule refuses. A unit or case unknown altogether is already reported by the
 * checks above, so only known ones are looked at here.
 *
 * No answer may tell that a ref exists out of the caller's sight. An event of a stored case the
 * caller does not see is an `unknownCase`, in the same words as a ref that exists nowhere, and
 * nothing else about such a case is looked at: not its process (`stepNotInProcess` sees only
 * cases in sight), not its consent. A case row whose ref is taken by a case out of sight still
 * fails (`conflictingCase` or `unitOutsideScope`): a ref names one case in the whole county
 * (SPEC "Interchange format"), so it cannot be registered twice, and refusing it is the one
 * thing that tells the ref is taken. Everything else of such a file is judged as usual, so the
 * import stays all-or-nothing and idempotent and nothing of the caller's is lost silently.
 */
export function scopeChecks(allowedOrganisations: readonly string[]): ReferenceCheck[] {
  const own = ownUnits(allowedOrganisations);
  const inSight = storedCasesInSight(allowedOrganisations);
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
      // Stored but out of sight, and not in cases.csv (whose row is judged on its own).
      file: "events",
      column: "case_ref",
      code: "unknownCase",
      lines: sql`SELECT e.line, NULL::text AS value
        FROM stage_events e JOIN cases c ON c.ref_hash = e.ref_hash
        WHERE NOT EXISTS (SELECT 1 FROM stage_cases s WHERE s.ref_hash = e.ref_hash)
          AND c.id NOT IN (SELECT id FROM (${inSight}) v)`,
    },
    { ...stepNotInProcess(inSight), replaces: anyStepNotInProcess },
    {
      file: "events",
      column: "unit_code",
      code: "consentRequired",
      lines: (session) => refusedByConsent(session, allowedOrganisations, inSight),
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

/**
 * The stored cases named in events.csv that a samordnare of these organisations sees today
 * (`id`, `ref_hash`, `process`, `initiating_unit`): the same rule as appending one event through
 * the API (`visibleTo`), judged on what is stored before this import, so a file cannot bring a
 * case into sight by adding a `join` of its own.
 */
function storedCasesInSight(allowedOrganisations: readonly string[]): SQL {
  const end = endOfToday();
  const asSamordnare = { sub: "import", role: "samordnare", orgs: allowedOrganisations } as const;
  const touched = caseStates(end, sql`c.ref_hash IN (SELECT ref_hash FROM stage_events)`);
  return sql`SELECT s.id, decode(s.ref_hash_hex, 'hex') AS ref_hash, s.process, s.initiating_unit
    FROM (${touched}) s WHERE ${visibleTo(asSamordnare, end)}`;
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
  inSight: SQL,
): Promise<OffendingRow[]> {
  await session.run(sql`CREATE TEMPORARY TABLE sharing_cases ON COMMIT DROP AS
    WITH candidates AS (
      SELECT DISTINCT e.ref_hash FROM stage_events e
      WHERE e.type IN ${[...unitBringingTypes]}
        AND e.unit_code NOT IN (${ownUnits(allowedOrganisations)}))
    SELECT v.id, v.ref_hash, v.initiating_unit FROM (${inSight}) v
      WHERE v.ref_hash IN (SELECT ref_hash FROM candidates)
    UNION ALL
    SELECT * FROM (SELECT DISTINCT ON (s.ref_hash) NULL::int, s.ref_hash, s.initiating_unit
      FROM stage_cases s
      WHERE s.ok AND s.ref_hash IN (SELECT ref_hash FROM candidates)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.ref_hash = s.ref_hash)
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
