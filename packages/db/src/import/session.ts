import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Database } from "../client";

/**
 * One transaction on the raw driver, for the importer: drizzle has no COPY, and COPY must run in
 * the same transaction as the checks and inserts so that an import is all-or-nothing.
 * Statements are still written with drizzle's `sql` (tables and columns from the schema).
 */
export interface BulkSession {
  rows<T>(query: SQL): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it inserted, updated or deleted. */
  run(query: SQL): Promise<number>;
  /** Starts `COPY <target> FROM … (FORMAT csv)`; feed it lines made by `copyLine`. */
  copy(target: SQL): Promise<CopyWriter>;
}

export interface CopyWriter {
  write(line: string): Promise<void>;
  end(): Promise<void>;
}

const dialect = new PgDialect();

export function inTransaction<T>(
  database: Database,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  if (database.kind === "postgres") {
    return database.client.begin((tx) => work(postgresSession(tx))) as Promise<T>;
  }
  return database.client.transaction((tx) => work(pgliteSession(tx)));
}

function postgresSession(tx: postgres.TransactionSql): BulkSession {
  const unsafe = (query: SQL) => {
    const compiled = dialect.sqlToQuery(query);
    return tx.unsafe(compiled.sql, compiled.params as postgres.ParameterOrJSON<never>[]);
  };
  return {
    rows: async <T>(query: SQL) => [...(await unsafe(query))] as T[],
    run: async (query) => (await unsafe(query)).count,
    copy: async (target) => {
      const stream = await tx.unsafe(`${compile(target)} FROM STDIN (FORMAT csv)`).writable();
      // postgres.js destroys the stream with the connection's error when PostgreSQL goes away.
      // Between writes nobody listens, and an unheard 'error' ends the process: keep it and
      // throw it at the next write or at the end instead.
      let failure: unknown;
      stream.on("error", (error) => {
        failure ??= error;
      });
      const throwFailure = () => {
        if (failure !== undefined) throw failure;
      };
      return bufferedWriter(
        1 << 20,
        async (chunk) => {
          throwFailure();
          if (!stream.write(chunk)) await once(stream, "drain");
        },
        async () => {
          throwFailure();
          stream.end();
          await finished(stream);
        },
      );
    },
  };
}

/** PGlite reads COPY input from a blob: send it in chunks so memory stays flat. */
const pgliteCopyChunk = 32 << 20;

function pgliteSession(tx: PgliteTransaction): BulkSession {
  const query = (q: SQL) => {
    const compiled = dialect.sqlToQuery(q);
    return tx.query(compiled.sql, compiled.params);
  };
  return {
    rows: async <T>(q: SQL) => (await query(q)).rows as T[],
    run: async (q) => (await query(q)).affectedRows ?? 0,
    copy: async (target) => {
      const statement = `${compile(target)} FROM '/dev/blob' (FORMAT csv)`;
      return bufferedWriter(
        pgliteCopyChunk,
        async (chunk) => {
          await tx.query(statement, [], { blob: new Blob([chunk]) });
        },
        async () => {},
      );
    },
  };
}

/** COPY takes no parameters: the target is a table and column list, inlined. */
function compile(target: SQL): string {
  const compiled = dialect.sqlToQuery(target);
  if (compiled.params.length > 0) throw new Error("a COPY target takes no parameters");
  return `COPY ${compiled.sql}`;
}

function bufferedWriter(
  chunkSize: number,
  flush: (chunk: string) => Promise<void>,
  close: () => Promise<void>,
): CopyWriter {
  let parts: string[] = [];
  let size = 0;
  const drain = async () => {
    if (size === 0) return;
    const chunk = parts.join("");
    parts = [];
    size = 0;
    await flush(chunk);
  };
  return {
    write: async (line) => {
      parts.push(line);
      size += line.length;
      if (size >= chunkSize) await drain();
    },
    end: async () => {
      await drain();
      await close();
    },
  };
}

/**
 * One row of COPY's CSV format: NULL is an unquoted empty field, text is always quoted (a quoted
 * empty field is the empty string). bytea goes in as its `\x…` text form.
 */
export function copyLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(copyField).join(",")}\n`;
}

function copyField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}
