/**
 * The one place this package reads the environment (STYLE: process.env in exactly one module).
 * Apps pass explicit options; these are the fallbacks SPEC "Command line" describes.
 */
export interface DbEnv {
  /** `postgres://…`: use that PostgreSQL server; absent: embedded PGlite. */
  readonly databaseUrl: string | undefined;
  /** `postgres://…` of a streaming replica for reads that may lag; PostgreSQL only. */
  readonly databaseReadUrl: string | undefined;
  readonly dataDir: string;
  /** Set on CI, where the PostgreSQL test variants must run, never skip. */
  readonly ci: boolean;
}

export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    databaseReadUrl: nonEmpty(env.DATABASE_READ_URL),
    dataDir: nonEmpty(env.SAMSYN_DATA_DIR) ?? ".samsyn/data",
    ci: nonEmpty(env.CI) !== undefined && env.CI !== "false" && env.CI !== "0",
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
