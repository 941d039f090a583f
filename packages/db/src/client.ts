import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readDbEnv } from "./env";
import { connectWithoutDelay } from "./postgres-socket";
import * as schema from "./schema";

export type Schema = typeof schema;

/** The drizzle database of either driver: query functions take this and work on both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

interface DatabaseBase {
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * An open database. The raw client is exposed for what drizzle does not do (bulk COPY in the
 * importer); everything else goes through `db`.
 */
export type Database =
  | (DatabaseBase & { readonly kind: "postgres"; readonly client: postgres.Sql })
  | (DatabaseBase & { readonly kind: "pglite"; readonly client: PGlite });

export interface CreateDbOptions {
  /** PostgreSQL URL; default `DATABASE_URL`. When absent, PGlite is used. */
  readonly databaseUrl?: string;
  /** PGlite's data lives in `<dataDir>/pglite`; `"memory://"` for an in-memory database. */
  readonly dataDir?: string;
}

/**
 * Opens the database: an explicit `databaseUrl` wins, then an explicit `dataDir` (PGlite, even
 * when DATABASE_URL is set: tests ask for in-memory PGlite this way), then DATABASE_URL, then
 * PGlite in SAMSYN_DATA_DIR.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.databaseUrl !== undefined) return openPostgres(options.databaseUrl);
  if (options.dataDir !== undefined) return openPglite(options.dataDir);
  const env = readDbEnv();
  return env.databaseUrl !== undefined ? openPostgres(env.databaseUrl) : openPglite(env.dataDir);
}

/**
 * Bounds on a connect while PostgreSQL is away, so that a request fails (503) in seconds and the
 * pool reconnects within a second of its return. No statement timeout: in an outage the server
 * closes its sockets and postgres.js fails the statements at once, while the import's statements
 * legitimately run for many seconds on a million cases.
 */
const connectTimeoutSeconds = 3;
/**
 * postgres.js waits this long before a connection's next connect. Its default grows with every
 * failed connect (3^n / 100 s, up to 20 s), so after a minute of outage each request, and the
 * first after PostgreSQL's return, waited up to 20 s before even trying. While PostgreSQL is
 * away, each query waiting in the pool costs one connect: a pool of ten refused within 0.1 s
 * answers about a hundred of them a second, and tries no more often than that.
 */
const reconnectBackoffSeconds = (failedConnects: number) => Math.min(0.01 * failedConnects, 0.1);

function openPostgres(url: string): Database {
  const options = {
    // Notices ("already exists, skipping") are noise for a CLI and a test run.
    onnotice: () => {},
    socket: connectWithoutDelay,
    connect_timeout: connectTimeoutSeconds,
    backoff: reconnectBackoffSeconds,
  };
  const client = postgres(url, options);
  keepTransactionsOffLostConnections(client);
  const db: Db = drizzlePostgres({ client, schema });
  return { kind: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
}

type TransactionWork = (tx: postgres.TransactionSql) => unknown;

/**
 * postgres.js 3.4.9 (porsager/postgres#1208, open): when a transaction's connection closes
 * mid-statement, `begin` rejects, but its body's failure still sends ROLLBACK on the closed
 * connection, whose write then throws from a timer and ends the process (TypeError at
 * connection.js:255). PostgreSQL rolls back a transaction whose connection is gone by itself, so
 * a body that failed because the connection was lost is left unsettled instead: `begin` has
 * already rejected with the connection's error, and no ROLLBACK is sent. drizzle's
 * `db.transaction` and the importer both go through `begin`.
 */
function keepTransactionsOffLostConnections(client: postgres.Sql): void {
  const begin = client.begin;
  const guarded = (...args: [TransactionWork] | [string, TransactionWork]) => {
    const [options, work] = args.length === 1 ? ["", args[0]] : args;
    let connectionLost = false;
    const outcome = begin(options, async (tx) => {
      try {
        return await work(tx);
      } catch (error) {
        // A lost connection rejects `outcome` in the same turn as the statements it failed;
        // one turn later it is known whether this failure was that.
        await new Promise((resolve) => setImmediate(resolve));
        if (connectionLost) return new Promise<never>(() => {});
        throw error;
      }
    });
    outcome.catch(() => {
      connectionLost = true;
    });
    return outcome;
  };
  client.begin = guarded as typeof client.begin;
}

async function openPglite(dataDir: string): Promise<Database> {
  const location = dataDir === "memory://" ? dataDir : join(dataDir, "pglite");
  if (location !== "memory://") await mkdir(location, { recursive: true });
  const client = await PGlite.create(location);
  const db: Db = drizzlePglite({ client, schema });
  return { kind: "pglite", db, client, close: () => client.close() };
}
