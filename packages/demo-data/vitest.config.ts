import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The generator writes real files; a county of thousands of cases takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
