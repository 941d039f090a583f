import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["./src/testing/global-setup.ts"],
    // PGlite needs seconds to start and the import tests move real files through real databases.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
