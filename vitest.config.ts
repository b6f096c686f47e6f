import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { assertNodeRuntime } from "./scripts/nodeRuntime.ts";

// Every test run happens on the project's Node.js (ADR 0026): `npx vitest` and `npm test` find
// node_modules/.bin/node first on PATH; a run on any other Node.js stops here with the reason.
assertNodeRuntime();

// Timeouts are generous on purpose: CI runs on two busy cores, and a property test over the
// whole seeded landscape can take 30 s there. Speed is measured in bench/, never in tests.
const integration = {
  globalSetup: ["./vitest.globalSetup.ts"],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: [
            "packages/domain/src/**/*.test.ts",
            "packages/solver/src/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "packages/db/src/**/*.test.ts",
            "packages/server/src/**/*.test.ts",
            "packages/cli/src/**/*.test.ts",
          ],
          exclude: ["**/*.postgres.test.ts", "**/node_modules/**"],
          ...integration,
        },
      },
      {
        // Tests that need a PostgreSQL server itself (roles, several sessions, several
        // processes): run only in the PostgreSQL phase of `npm test`.
        test: {
          name: "postgres",
          include: ["packages/*/src/**/*.postgres.test.ts"],
          ...integration,
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
