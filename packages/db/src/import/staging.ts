import type { CaseRow, EventRow, UnitRow } from "@samsyn/domain";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  integer,
  type PgColumn,
  type PgTable,
  pgTable,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { bytea } from "../schema/bytea";
import { type BulkSession, copyLine } from "./session";

/**
 * Staging tables: every row of the three files lands here (refs already hashed) before anything
 * touches the real tables, so references across files and to the database are checked in SQL
 * without holding a file in memory. Temporary and dropped at commit; not part of the schema.
 * `ok` is false for a row that failed validation but whose key (unit code, ref) is usable: it
 * still counts as "known", so one bad case row does not make all its events unknown too.
 */
export const stageUnits = pgTable("stage_units", {
  line: integer("line").notNull(),
  ok: boolean("ok").notNull(),
  unitCode: text("unit_code").notNull(),
  unitName: text("unit_name"),
  organisationCode: text("organisation_code"),
  organisationName: text("organisation_name"),
  principalType: text("principal_type"),
  municipalityCode: text("municipality_code"),
});

export const stageCases = pgTable("stage_cases", {
  line: integer("line").notNull(),
  ok: boolean("ok").notNull(),
  refHash: bytea("ref_hash").notNull(),
  process: text("process"),
  targetGroup: text("target_group"),
  ageGroup: text("age_group"),
  municipalityCode: text("municipality_code"),
  openedOn: date("opened_on", { mode: "string" }),
  initiatingUnit: text("initiating_unit"),
  /** The initiating unit's organisation: with the ref, what names a case (`resolveCases`). */
  organisationCode: text("organisation_code"),
});

export const stageEvents = pgTable("stage_events", {
  line: integer("line").notNull(),
  refHash: bytea("ref_hash").notNull(),
  /** Epoch milliseconds: cheaper to write than a timestamp text, converted in the insert. */
  occurredAtMs: bigint("occurred_at_ms", { mode: "number" }).notNull(),
  type: text("type").notNull(),
  step: smallint("step"),
  unitCode: text("unit_code"),
  value: text("value"),
});

const stagingTables: readonly PgTable[] = [stageUnits, stageCases, stageEvents];

export async function createStaging(session: BulkSession): Promise<void> {
  for (const table of stagingTables) {
    await session.run(
      sql`CREATE TEMPORARY TABLE ${table} (${sql.raw(columnDefinitions(table))}) ON COMMIT DROP`,
    );
  }
}

/** Temporary tables are never analysed by autovacuum; without statistics the checks plan badly. */
export async function analyzeStaging(session: BulkSession): Promise<void> {
  for (const table of stagingTables) await session.run(sql`ANALYZE ${table}`);
}

/** The COPY target: table and its columns in declaration order (the order of `copyLine`). */
export function copyTarget(table: PgTable): SQL {
  const names = columnsOf(table).map((c) => `"${c.name}"`);
  return sql`${table} (${sql.raw(names.join(", "))})`;
}

function columnDefinitions(table: PgTable): string {
  return columnsOf(table)
    .map((c) => `"${c.name}" ${c.getSQLType()}${c.notNull ? " NOT NULL" : ""}`)
    .join(", ");
}

function columnsOf(table: PgTable): PgColumn[] {
  return Object.values(getTableColumns(table));
}

// ---- COPY lines, in the column order of the tables above ------------------------------------

export function unitStageLine(line: number, row: UnitRow): string {
  return copyLine([
    line,
    true,
    row.unitCode,
    row.unitName,
    row.organisationCode,
    row.organisationName,
    row.principalType,
    row.municipalityCode,
  ]);
}

/** A rejected unit row whose code is usable: cases may still name it without a second error. */
export function unitKeyLine(line: number, unitCode: string): string {
  return copyLine([line, false, unitCode, null, null, null, null, null]);
}

export function caseStageLine(line: number, refHash: string, row: CaseRow): string {
  return copyLine([
    line,
    true,
    refHash,
    row.process,
    row.targetGroup,
    row.ageGroup,
    row.municipalityCode,
    row.openedOn,
    row.initiatingUnit,
    null,
  ]);
}

export function caseKeyLine(line: number, refHash: string): string {
  return copyLine([line, false, refHash, null, null, null, null, null, null, null]);
}

export function eventStageLine(line: number, refHash: string, row: EventRow): string {
  return copyLine([line, refHash, row.occurredAt, row.type, row.step, row.unitCode, row.value]);
}
