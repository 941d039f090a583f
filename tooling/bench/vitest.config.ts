import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The harness's own logic (options, timing, agreement, report, fingerprints); `pnpm bench`
    // itself measures and is no test.
    include: ["src/**/*.test.ts"],
  },
});
