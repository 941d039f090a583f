import type { ImportErrorCode, InterchangeFile } from "@samsyn/domain";
import { type SQL, sql } from "drizzle-orm";
import { type ErrorInput, type ImportErrors, maxReportedErrors } from "./errors";
import type { BulkSession } from "./session";

/** A check over the staging tables: `lines` selects the `line` of each offending row. */
interface ReferenceCheck {
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

export async function checkReferences(session: BulkSession, errors: ImportErrors): Promise<void> {
  for (const check of checks) {
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
