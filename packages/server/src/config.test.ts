import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

describe("readConfig: ATLAS_JOB_CONCURRENCY", () => {
  it("runs two background jobs at once unless told otherwise", () => {
    expect(readConfig({}).jobConcurrency).toBe(2);
    expect(readConfig({ ATLAS_JOB_CONCURRENCY: "" }).jobConcurrency).toBe(2);
  });

  it("takes a whole number from 1 to 16", () => {
    expect(readConfig({ ATLAS_JOB_CONCURRENCY: "1" }).jobConcurrency).toBe(1);
    expect(readConfig({ ATLAS_JOB_CONCURRENCY: "16" }).jobConcurrency).toBe(16);
  });

  it.each([
    ["0", "muss mindestens 1 sein"],
    ["17", "darf höchstens 16 sein"],
    ["1.5", "muss eine ganze Zahl sein"],
    ["viele", "muss eine Zahl sein"],
  ])("refuses %s at start with a German message", (value, message) => {
    expect(() => readConfig({ ATLAS_JOB_CONCURRENCY: value })).toThrow(
      `Ungültige Umgebungsvariable – ATLAS_JOB_CONCURRENCY: ${message}`,
    );
  });
});
