import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file starts its own Samsyn (PGlite or a fresh PostgreSQL database): slow to boot.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A poll waits for the server's answer, and on CI the other packages' tests share the two
    // cores: vitest's default of 1 s is shorter than an import check or a metric query under load.
    expect: { poll: { timeout: 30_000 } },
  },
});
