import { afterEach, describe, expect, it, vi } from "vitest";
import { testDatabases } from "./databases";

describe("testDatabases", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("fails loudly on CI without DATABASE_URL instead of skipping PostgreSQL", () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("DATABASE_URL", "");
    expect(() => testDatabases()).toThrow(/DATABASE_URL/);
  });

  it("runs PGlite alone locally without DATABASE_URL", () => {
    vi.stubEnv("CI", "");
    vi.stubEnv("DATABASE_URL", "");
    expect(testDatabases().map((t) => t.name)).toEqual(["pglite"]);
  });

  it("adds PostgreSQL when DATABASE_URL is set", () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres");
    expect(testDatabases().map((t) => t.name)).toEqual(["pglite", "postgres"]);
  });
});
