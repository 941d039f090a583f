import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file starts its own Samsyn (PGlite or a fresh PostgreSQL database): slow to boot.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
