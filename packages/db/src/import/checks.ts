import type { ImportErrorCode, InterchangeFile } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import { caseStates, endOfToday, visibleTo } from "../queries/case-state";
import { type ErrorInput, type ImportErrors, maxReportedErrors } from "./errors";
import type { BulkSession } from "./session";

/** A check over the staging tables: `lines` selects the `line` of each offending row. */
export interface ReferenceCheck {
  readonly file: InterchangeFile;
  readonly column: string;
  readonly code: ImportErrorCode;
  readonly lines: SQL;
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
    lines: differsFromFirst("stage_units", "unit_code", ["unit_name", "organisation_code"]),
  },
  {
    file: "units",
    column: "organisation_code",
    code: "conflictingUnit",
    lines: sql`SELECT s.line FROM stage_units s JOIN units u ON u.code = s.unit_code
      WHERE s.ok AND u.organisation_code <> s.organisation_code`,
  },
  {
    file: "units",
    column: "organisation_code",
    code: "conflictingOrganisation",
    lines: differsFromFirst("stage_units", "organisation_code", [
      "organisation_name",
      "principal_type",
      "municipality_code",
    ]),
  },
  {
    file: "units",
    column: "principal_type",
    code: "conflictingOrganisation",
    lines: sql`SELECT s.line FROM stage_units s JOIN organisations o ON o.code = s.organisation_code
      WHERE s.ok AND (o.principal_type, o.municipality_code)
        IS DISTINCT FROM (s.principal_type, s.municipality_code)`,
  },
  {
    file: "cases",
    column: "case_ref",
    code: "conflictingCase",
    lines: differsFromFirst("stage_cases", "ref_hash", caseAttributes()),
  },
  {
    file: "cases",
    column: "case_ref",
    code: "conflictingCase",
    lines: sql`SELECT s.line FROM stage_cases s JOIN cases c ON c.ref_hash = s.ref_hash
      WHERE s.ok AND (${attributes("c")}) IS DISTINCT FROM (${attributes("s")})`,
  },
  {
    file: "cases",
    column: "initiating_unit",
    code: "unknownUnit",
    lines: sql`SELECT s.line FROM stage_cases s WHERE s.ok ${andUnknownUnit(sql`s.initiating_unit`)}`,
  },
  {
    file: "events",
    column: "case_ref",
    code: "unknownCase",
    lines: sql`SELECT e.line FROM stage_events e
      WHERE NOT EXISTS (SELECT 1 FROM stage_cases s WHERE s.ref_hash = e.ref_hash)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.ref_hash = e.ref_hash)`,
  },
  {
    file: "events",
    column: "unit_code",
    code: "unknownUnit",
    lines: sql`SELECT e.line FROM stage_events e
      WHERE e.unit_code IS NOT NULL ${andUnknownUnit(sql`e.unit_code`)}`,
  },
  {
    file: "events",
    column: "step",
    code: "stepNotInProcess",
    // A case is either stored or staged; when both, the attributes agree (checked above).
    lines: sql`SELECT e.line FROM stage_events e
      LEFT JOIN cases c ON c.ref_hash = e.ref_hash
      LEFT JOIN (SELECT DISTINCT ON (ref_hash) ref_hash, process FROM stage_cases
        WHERE ok ORDER BY ref_hash, line) s ON s.ref_hash = e.ref_hash
      WHERE e.step IS NOT NULL AND coalesce(c.process, s.process) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM process_steps p
          WHERE p.process_code = coalesce(c.process, s.process) AND p.number = e.step)`,
  },
];

/** Runs the reference checks, then `extra` (the scope checks of a limited import). */
export async function checkReferences(
  session: BulkSession,
  errors: ImportErrors,
  extra: readonly ReferenceCheck[] = [],
): Promise<void> {
  for (const check of [...checks, ...extra]) {
    const found = await session.rows<{ line: number; total: number }>(
      sql`SELECT line, count(*) OVER ()::int AS total FROM (${check.lines}) c
        ORDER BY line LIMIT ${maxReportedErrors}`,
    );
    const sample: ErrorInput[] = found.map(({ line }) => ({
      file: check.file,
      line,
      column: check.column,
      code: check.code,
    }));
    errors.addCounted(found[0]?.total ?? 0, sample);
  }
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

/** Lines whose attributes differ from those of the first line with the same key. */
function differsFromFirst(table: string, key: string, columns: readonly string[]): SQL {
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(", ");
  return sql.raw(`SELECT s.line FROM ${table} s
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
 * organisation's unit, events naming such a unit, and events of a stored case the caller cannot
 * see. A unit or case unknown altogether is already reported by the checks above, so only known
 * ones are looked at here; a case staged in this import is judged by its own row instead, so its
 * events do not repeat that error line by line.
 */
export function scopeChecks(allowedOrganisations: readonly string[]): ReferenceCheck[] {
  const own = ownUnits(allowedOrganisations);
  return [
    {
      file: "units",
      column: "organisation_code",
      code: "organisationOutsideScope",
      lines: sql`SELECT s.line FROM stage_units s
        WHERE s.ok AND NOT ${isOneOf(sql`s.organisation_code`, allowedOrganisations)}`,
    },
    {
      file: "cases",
      column: "initiating_unit",
      code: "unitOutsideScope",
      lines: sql`SELECT s.line FROM stage_cases s
        WHERE s.ok AND ${isKnownUnit(sql`s.initiating_unit`)} AND s.initiating_unit NOT IN (${own})`,
    },
    {
      file: "events",
      column: "unit_code",
      code: "unitOutsideScope",
      lines: sql`SELECT e.line FROM stage_events e
        WHERE e.unit_code IS NOT NULL AND ${isKnownUnit(sql`e.unit_code`)}
          AND e.unit_code NOT IN (${own})`,
    },
    {
      file: "events",
      column: "case_ref",
      code: "caseOutsideScope",
      lines: storedCasesOutOfSight(allowedOrganisations),
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
 * Events of stored cases that a samordnare of these organisations does not see today: the same
 * rule as appending one event through the API (`visibleTo`), judged on what is stored before this
 * import, so a file cannot make a case visible by adding a `join` of its own.
 */
function storedCasesOutOfSight(allowedOrganisations: readonly string[]): SQL {
  const end = endOfToday();
  const asSamordnare = { sub: "import", role: "samordnare", orgs: allowedOrganisations } as const;
  const touched = caseStates(end, sql`c.ref_hash IN (SELECT ref_hash FROM stage_events)`);
  return sql`SELECT e.line FROM stage_events e JOIN cases c ON c.ref_hash = e.ref_hash
    WHERE c.id NOT IN (SELECT s.id FROM (${touched}) s WHERE ${visibleTo(asSamordnare, end)})`;
}
