import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Database } from "../client";
import { readDbEnv } from "../env";
import { migrate } from "../migrate";

/** A database a test suite runs against; `open` gives a fresh, empty one. */
export interface TestTarget {
  readonly name: "pglite" | "postgres";
  open(): Promise<Database>;
}

/**
 * The databases every db test runs on: PGlite in memory always, and a real PostgreSQL server when
 * DATABASE_URL is set (a fresh database per `open`, dropped on close). On CI a missing
 * DATABASE_URL fails the run: the PostgreSQL variants must never be skipped silently there.
 */
export function testDatabases(): TestTarget[] {
  const env = readDbEnv();
  if (env.databaseUrl === undefined && env.ci) {
    throw new Error(
      "CI is set but DATABASE_URL is not: the PostgreSQL variants of the database tests must run on CI.",
    );
  }
  const targets: TestTarget[] = [
    { name: "pglite", open: () => createDb({ dataDir: "memory://" }) },
  ];
  if (env.databaseUrl !== undefined) targets.push(postgresTarget(env.databaseUrl));
  return targets;
}

function postgresTarget(serverUrl: string): TestTarget {
  return {
    name: "postgres",
    open: async () => {
      const name = `samsyn_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const database = await createDb({ databaseUrl: withDatabase(serverUrl, name) });
      const close = async () => {
        await database.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
      return { ...database, close };
    },
  };
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Opens and migrates a database of `target` before the suite and closes it after: one instance
 * per test file (PGlite takes seconds to start). Call inside `describe`; read the result in tests.
 */
export function useMigratedDatabase(target: TestTarget): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (database === undefined) throw new Error("the test database is not open yet");
    return database;
  };
}
