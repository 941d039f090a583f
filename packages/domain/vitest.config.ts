import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    // A zone far from Stockholm: any code that leans on the machine's zone fails here.
    env: { TZ: "America/Los_Angeles" },
  },
});
