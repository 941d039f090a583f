import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // PGlite needs seconds to start; the demo generator writes real files.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
