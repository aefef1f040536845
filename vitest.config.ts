import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    // Two cores here: keep workers few so e2e and store tests are not starved.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    globalSetup: ["test/global-setup.ts"],
    // Every test file removes the temporary directories it made (test/tmp.ts).
    setupFiles: ["test/setup.ts"],
  },
});
