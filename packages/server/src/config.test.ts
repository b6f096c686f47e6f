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

describe("readConfig: ATLAS_WORKERS", () => {
  const postgres = { DATABASE_URL: "postgres://atlas:atlas@127.0.0.1:5432/atlas" };

  it("starts one process on PGlite and one per core on PostgreSQL unless told otherwise", () => {
    expect(readConfig({}, 4).workers).toBe(1);
    expect(readConfig({ ATLAS_WORKERS: "" }, 4).workers).toBe(1);
    expect(readConfig(postgres, 4).workers).toBe(4);
    expect(readConfig(postgres, 1).workers).toBe(1);
  });

  it("takes a whole number from 1 to 64 on PostgreSQL, and 1 on PGlite", () => {
    expect(readConfig({ ...postgres, ATLAS_WORKERS: "2" }, 8).workers).toBe(2);
    expect(readConfig({ ...postgres, ATLAS_WORKERS: "64" }, 8).workers).toBe(64);
    expect(readConfig({ ATLAS_WORKERS: "1" }, 8).workers).toBe(1);
  });

  it.each([
    ["0", "muss mindestens 1 sein"],
    ["65", "darf höchstens 64 sein"],
    ["2.5", "muss eine ganze Zahl sein"],
    ["alle", "muss eine Zahl sein"],
  ])("refuses %s at start with a German message", (value, message) => {
    expect(() => readConfig({ ...postgres, ATLAS_WORKERS: value })).toThrow(
      `Ungültige Umgebungsvariable – ATLAS_WORKERS: ${message}`,
    );
  });

  it("refuses more than one process on PGlite, naming DATABASE_URL", () => {
    expect(() => readConfig({ ATLAS_WORKERS: "2" }, 8)).toThrow(
      /^Ungültige Umgebungsvariable – ATLAS_WORKERS: mehrere Serverprozesse \(2\) brauchen einen PostgreSQL-Server \(DATABASE_URL\)/,
    );
  });
});

describe("readConfig: ATLAS_TRUST_PROXY", () => {
  it("trusts no proxy unless told otherwise, and then that many hops", () => {
    expect(readConfig({}).trustProxy).toBe(0);
    expect(readConfig({ ATLAS_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readConfig({ ATLAS_TRUST_PROXY: "2" }).trustProxy).toBe(2);
  });

  it.each(["true", "-1", "10"])("refuses %s at start with a German message", (value) => {
    expect(() => readConfig({ ATLAS_TRUST_PROXY: value })).toThrow(
      "Ungültige Umgebungsvariable – ATLAS_TRUST_PROXY: muss die Zahl der vorgeschalteten Proxys sein (0 bis 9)",
    );
  });
});
