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

describe("readConfig: ATLAS_SESSION_IDLE_MINUTES", () => {
  it("signs unused sessions out after 30 minutes unless told otherwise", () => {
    expect(readConfig({}).sessionIdleMinutes).toBe(30);
    expect(readConfig({ ATLAS_SESSION_IDLE_MINUTES: "15" }).sessionIdleMinutes).toBe(15);
  });

  it.each([
    ["4", "muss mindestens 5 Minuten sein"],
    ["481", "darf höchstens 480 Minuten sein"],
  ])("refuses %s at start with a German message", (value, message) => {
    expect(() => readConfig({ ATLAS_SESSION_IDLE_MINUTES: value })).toThrow(
      `Ungültige Umgebungsvariable – ATLAS_SESSION_IDLE_MINUTES: ${message}`,
    );
  });
});

describe("readConfig: ATLAS_SMTP_URL needs ATLAS_PUBLIC_URL (issue 15.7)", () => {
  it("refuses to send mail without the public URL", () => {
    expect(() => readConfig({ ATLAS_SMTP_URL: "smtp://127.0.0.1:25" })).toThrow(
      /^Ungültige Umgebungsvariable – ATLAS_SMTP_URL: E-Mails brauchen ATLAS_PUBLIC_URL/,
    );
    const config = readConfig({
      ATLAS_SMTP_URL: "smtp://127.0.0.1:25",
      ATLAS_PUBLIC_URL: "https://atlas.example.de",
    });
    expect(config.smtp?.url).toBe("smtp://127.0.0.1:25");
  });
});

describe("readConfig: OIDC needs a configured return address (issue 15.7)", () => {
  const oidc = {
    ATLAS_OIDC_ISSUER: "https://sso.example.de/realms/nrw",
    ATLAS_OIDC_CLIENT_ID: "atlas",
  };

  it("refuses single sign-on without ATLAS_OIDC_REDIRECT_URI or ATLAS_PUBLIC_URL", () => {
    expect(() => readConfig(oidc)).toThrow(/^Ungültige Umgebungsvariable – ATLAS_OIDC_ISSUER: /);
    expect(
      readConfig({ ...oidc, ATLAS_PUBLIC_URL: "https://atlas.example.de" }).oidc?.clientId,
    ).toBe("atlas");
    expect(
      readConfig({
        ...oidc,
        ATLAS_OIDC_REDIRECT_URI: "https://atlas.example.de/api/auth/oidc/callback",
      }).oidc?.redirectUri,
    ).toBe("https://atlas.example.de/api/auth/oidc/callback");
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
