import { sql } from "drizzle-orm";
import { type MigrationMeta, readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { migrate, migrationsFolder } from "./migrate";
import { selectRows } from "./queries/rows";
import { testDatabases } from "./testing";

const migrations = readMigrationFiles({ migrationsFolder });

/** Two databases opened (and one migrated) while other suites share the two cores. */
const slowStart = 240_000;
/**
 * Issue 20, "Data safety": every committed migration applies, in order, to a database that
 * already holds rows — the way a county's database meets it — and the rows survive it. Before
 * each migration, every table without rows gets one, built from the catalog (a value of each
 * column's type, an allowed one where a CHECK lists them, a referenced one for a foreign key);
 * after it, every table the migration does not drop or truncate on purpose (derived storage that
 * migrate() refills) has the same rows, compared on the columns that kept their name and type.
 * At the end the schema is the one `migrate()` builds from an empty database.
 */
describe.each(testDatabases())("the committed migrations on $name", (target) => {
  let stepwise: Database;
  let direct: Database;
  let finalChecks: Check[];

  beforeAll(async () => {
    stepwise = await target.open();
    direct = await target.open();
    await migrate(direct);
    // Rows are built as today's Samsyn would write them: a CHECK a later migration adds (the
    // audit log's roles) only states what the application already wrote.
    finalChecks = await checksOf(direct);
  }, slowStart);

  afterAll(async () => {
    await stepwise?.close();
    await direct?.close();
  });

  it("apply one by one to a database with rows in every table, and the rows survive", {
    timeout: slowStart,
  }, async () => {
    const filled = new Set<string>();
    for (const [index, migration] of migrations.entries()) {
      const inserted = await fillEmptyTables(stepwise, finalChecks);
      for (const table of inserted) filled.add(table);
      const before = await tableRows(stepwise);
      await applyMigration(stepwise, migration);
      const after = await tableRows(stepwise);
      const meant = tablesEmptiedOnPurpose(migration);
      for (const [table, rows] of before) {
        if (meant.has(table) || !after.has(table)) continue;
        const label = `migration ${index} (${migration.hash.slice(0, 8)}), table ${table}`;
        expect(project(after.get(table) ?? [], rows), label).toEqual(
          project(rows, after.get(table)),
        );
      }
    }
    // The rows built from the catalog reached the tables that matter most to a county.
    for (const table of ["organisations", "units", "cases", "case_events", "audit_log"]) {
      expect(filled, table).toContain(table);
    }
    console.info(`migrations: ${migrations.length}, tables given rows: ${filled.size}`);
  });

  it("end at the schema migrate() builds from an empty database", async () => {
    expect(await schemaOf(stepwise)).toEqual(await schemaOf(direct));
  });
});

/** As drizzle's migrator does it: the file's statements in one transaction. */
async function applyMigration(database: Database, migration: MigrationMeta): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (const statement of migration.sql) {
      if (statement.trim() !== "") await tx.execute(sql.raw(statement));
    }
  });
}

/** Derived storage the migration drops or truncates, knowing migrate() refills it. */
function tablesEmptiedOnPurpose(migration: MigrationMeta): Set<string> {
  const text = migration.sql.join("\n");
  const names = [...text.matchAll(/(?:DROP TABLE|TRUNCATE)\s+(?:IF EXISTS\s+)?"([^"]+)"/gi)];
  return new Set(names.map((m) => m[1] ?? ""));
}

interface Column {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly required: boolean;
}

interface Check {
  readonly table: string;
  readonly definition: string;
}

function checksOf(database: Database): Promise<Check[]> {
  return selectRows<Check>(
    database.db,
    sql`SELECT cl.relname AS "table", pg_get_constraintdef(k.oid) AS definition
          FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid WHERE k.contype = 'c'`,
  );
}

interface Reference {
  readonly table: string;
  readonly column: string;
  readonly refTable: string;
  readonly refColumn: string;
}

/**
 * Gives every empty table of `public` one row; returns the tables that got one. A table whose
 * row is refused (a CHECK this builder cannot satisfy) stays empty; a row refused for a missing
 * referenced row is tried again once its referenced table has one.
 */
async function fillEmptyTables(database: Database, checks: readonly Check[]): Promise<string[]> {
  const columns = await selectRows<Column>(
    database.db,
    sql`SELECT table_name AS "table", column_name AS "column", udt_name AS "type",
          is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'
            AND is_generated = 'NEVER' AS required
        FROM information_schema.columns c
        JOIN pg_class t ON t.relname = c.table_name AND t.relkind = 'r'
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       WHERE c.table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const references = await selectRows<Reference>(
    database.db,
    sql`SELECT cl.relname AS "table", a.attname AS "column", rl.relname AS "refTable",
               ra.attname AS "refColumn"
          FROM pg_constraint k
          JOIN pg_class cl ON cl.oid = k.conrelid
          JOIN pg_class rl ON rl.oid = k.confrelid
          CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(col, refcol)
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.col
          JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.refcol
         WHERE k.contype = 'f'`,
  );
  const tables = [...new Set(columns.map((c) => c.table))];
  const filled: string[] = [];
  let pending = await emptyTables(database, tables);
  for (let pass = 0; pass < 6 && pending.length > 0; pass++) {
    for (const table of pending) {
      const row = await rowFor(database, table, columns, references, checks);
      if (row === undefined) continue;
      try {
        await database.db.transaction(async (tx) => {
          await tx.execute(sql.raw(row));
        });
        filled.push(table);
      } catch {
        // Tried again in the next pass: its referenced row may come from a later table.
      }
    }
    pending = await emptyTables(database, pending);
  }
  return filled;
}

async function emptyTables(database: Database, tables: string[]): Promise<string[]> {
  const empty: string[] = [];
  for (const table of tables) {
    const [row] = await selectRows<{ any: boolean }>(
      database.db,
      sql.raw(`SELECT EXISTS (SELECT FROM "${table}") AS any`),
    );
    if (row?.any !== true) empty.push(table);
  }
  return empty;
}

/** The INSERT of one row for `table`, or undefined when a referenced table has no row yet. */
async function rowFor(
  database: Database,
  table: string,
  columns: readonly Column[],
  references: readonly Reference[],
  checks: readonly Check[],
): Promise<string | undefined> {
  const names: string[] = [];
  const values: string[] = [];
  for (const column of columns.filter((c) => c.table === table)) {
    const reference = references.find((r) => r.table === table && r.column === column.column);
    let value: string | undefined;
    if (reference !== undefined) {
      const [row] = await selectRows<{ v: string | null }>(
        database.db,
        sql.raw(
          `SELECT quote_literal("${reference.refColumn}") AS v FROM "${reference.refTable}" LIMIT 1`,
        ),
      );
      if (row?.v == null) {
        if (column.required) return undefined;
        continue;
      }
      value = row.v;
    } else {
      value =
        allowedValue(column, checks) ?? (column.required ? valueOfType(column.type) : undefined);
    }
    if (value === undefined) continue;
    names.push(`"${column.column}"`);
    values.push(value);
  }
  if (names.length === 0) return `INSERT INTO "${table}" DEFAULT VALUES`;
  return `INSERT INTO "${table}" (${names.join(", ")}) VALUES (${values.join(", ")})`;
}

/** The first value a CHECK's list allows: `role = ANY (ARRAY['admin'::text, …])` or `IN (…)`. */
function allowedValue(column: Column, checks: readonly Check[]): string | undefined {
  for (const check of checks.filter((c) => c.table === column.table)) {
    const pattern = new RegExp(
      `\\(?"?${column.column}"?\\)?(?:::text)? = ANY \\(+ARRAY\\['([^']*)'`,
    );
    const match = check.definition.match(pattern);
    if (match?.[1] !== undefined) return `'${match[1]}'`;
  }
  return undefined;
}

/** A value of each type the schema uses; text that CHECKs constrain is tried as `a.b`. */
function valueOfType(type: string): string {
  if (type.startsWith("_")) return "'{}'";
  switch (type) {
    case "int2":
    case "int4":
    case "int8":
    case "numeric":
    case "float4":
    case "float8":
      return "1";
    case "bool":
      return "true";
    case "date":
      return "'2024-03-01'";
    case "timestamp":
    case "timestamptz":
      return "'2024-03-01T10:00:00Z'";
    case "jsonb":
    case "json":
      return "'{}'";
    case "bytea":
      return "'\\x0102'";
    case "uuid":
      return "'00000000-0000-4000-8000-000000000001'";
    default:
      return "'a.b'";
  }
}

/** Every row of every table of `public`, as JSON objects sorted by their text. */
async function tableRows(database: Database): Promise<Map<string, Record<string, unknown>[]>> {
  const tables = await selectRows<{ name: string }>(
    database.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const { name } of tables) {
    const result = await selectRows<{ row: Record<string, unknown> | string }>(
      database.db,
      sql.raw(`SELECT to_jsonb(t) AS row FROM "${name}" AS t ORDER BY to_jsonb(t)::text`),
    );
    rows.set(
      name,
      result.map((r) => (typeof r.row === "string" ? JSON.parse(r.row) : r.row)),
    );
  }
  return rows;
}

/**
 * The rows on the columns both versions of a table have with values of the same JSON kind: a
 * column dropped, added or retyped by the migration says nothing about whether rows survived.
 */
function project(
  rows: readonly Record<string, unknown>[],
  other: readonly Record<string, unknown>[] | undefined,
): string[] {
  const sample = other?.[0];
  const first = rows[0];
  const keys =
    sample === undefined || first === undefined
      ? []
      : Object.keys(first)
          .filter((k) => k in sample && kindOf(first[k]) === kindOf(sample[k]))
          .sort();
  return rows.map((row) => JSON.stringify(keys.map((k) => row[k]))).sort();
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

/** Columns, constraints and indexes of `public`: what two ways to the same schema must share. */
async function schemaOf(database: Database): Promise<string[]> {
  const rows = await selectRows<{ item: string }>(
    database.db,
    sql`SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' '
             || is_nullable || ' ' || coalesce(column_default, '') AS item
          FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'constraint ' || cl.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
          FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid
          JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass::text FROM pg_trigger
         WHERE NOT tgisinternal
        ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}
