import { readDbEnv } from "../env";

/**
 * vitest `globalSetup`: says once per run that only PGlite is tested, so a developer without a
 * PostgreSQL server is not misled; on CI the missing DATABASE_URL fails the run instead.
 */
export function setup(): void {
  const env = readDbEnv();
  if (env.databaseUrl !== undefined) return;
  if (env.ci) {
    throw new Error("CI is set but DATABASE_URL is not: the PostgreSQL tests must run on CI.");
  }
  console.warn(
    "DATABASE_URL is not set: database tests run on PGlite only; the PostgreSQL variants are not registered.",
  );
}
