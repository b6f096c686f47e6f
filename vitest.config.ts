import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";

// Timeouts are generous on purpose: CI runs on two busy cores, and a property test over the
// whole seeded landscape can take 30 s there. Speed is measured in bench/, never in tests.
const integration = {
  globalSetup: ["./vitest.globalSetup.ts"],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};
const integrationFiles = [
  "packages/db/src/**/*.test.ts",
  "packages/server/src/**/*.test.ts",
  "packages/cli/src/**/*.test.ts",
];
// Several real server processes on one PostgreSQL server (ADR 0018): PGlite has no server to
// share, so scripts/test.ts runs this project only in its PostgreSQL phase.
const MULTIPROCESS = "**/*.multiprocess.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: ["packages/domain/src/**/*.test.ts", "packages/solver/src/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: integrationFiles,
          exclude: [...configDefaults.exclude, MULTIPROCESS],
          ...integration,
        },
      },
      {
        test: {
          name: "multiprocess",
          include: integrationFiles.map((pattern) =>
            pattern.replace("*.test.ts", "*.multiprocess.test.ts"),
          ),
          ...integration,
          fileParallelism: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "web",
          environment: "jsdom",
          include: ["packages/web/src/**/*.test.{ts,tsx}"],
          setupFiles: ["./packages/web/src/test/setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
