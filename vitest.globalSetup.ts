import type { TestProject } from "vitest/node";
import {
  cleanupTestTemplate,
  prepareTestTemplate,
  testEngine,
  type TestTemplate,
} from "@it-atlas/db/testing";

let template: TestTemplate | undefined;

/** Migrates and seeds one template database per run; test files clone it. */
export async function setup(project: TestProject): Promise<void> {
  template = await prepareTestTemplate({
    engine: testEngine(),
    dumpPath: `${process.cwd()}/.atlas-test/template-${process.pid}.tar.gz`,
    adminUrl: process.env.ATLAS_TEST_DATABASE_URL,
  });
  project.provide("testTemplate", template);
}

export async function teardown(): Promise<void> {
  if (template) await cleanupTestTemplate(template);
  if (template?.engine === "pglite") {
    const { rm } = await import("node:fs/promises");
    await rm(template.dumpPath, { force: true });
  }
}
