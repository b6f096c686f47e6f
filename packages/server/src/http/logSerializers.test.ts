import { Writable } from "node:stream";
import { useTestDatabase } from "@it-atlas/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { ZodApp } from "./types.ts";
import { REDACTED, redactUrl, serializeError } from "./logSerializers.ts";

describe("redactUrl", () => {
  it("hides the values of one-time secrets and keeps everything else", () => {
    expect(redactUrl("/einladung?token=abc123")).toBe(`/einladung?token=${REDACTED}`);
    expect(redactUrl("/erhebung?kampagne=4&token=x.y&seite=2")).toBe(
      `/erhebung?kampagne=4&token=${REDACTED}&seite=2`,
    );
    expect(redactUrl("/api/auth/oidc/callback?code=c0de&state=s7at3")).toBe(
      `/api/auth/oidc/callback?code=${REDACTED}&state=${REDACTED}`,
    );
    expect(redactUrl("/api/organisations?q=Det&page=2")).toBe("/api/organisations?q=Det&page=2");
    expect(redactUrl("/kommunen")).toBe("/kommunen");
  });

  it("never lets a token value through, whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.string()), { maxLength: 4 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/),
        fc.constantFrom("token", "TOKEN", "Token", "code", "state"),
        (others, secret, name) => {
          const pairs = others
            .filter(
              ([key]) => !/^(token|code|state|nonce|key|secret|password|passwort)$/i.test(key),
            )
            .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
          pairs.splice(Math.floor(pairs.length / 2), 0, `${name}=${secret}`);
          expect(redactUrl(`/seite?${pairs.join("&")}`)).not.toContain(secret);
        },
      ),
    );
  });
});

describe("serializeError", () => {
  it("keeps the SQLSTATE and drops the query and its parameters", () => {
    const error = Object.assign(new Error("invalid byte sequence"), {
      code: "22021",
      query: "INSERT INTO kommune_expert (name, email) VALUES ($1, $2)",
      params: ["Erika Mustermann", "erika@example.org"],
      values: ["Erika Mustermann", "erika@example.org"],
      detail: "Schlüssel (email)=(erika@example.org)",
    });
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain("22021");
    expect(logged).not.toContain("erika@example.org");
    expect(logged).not.toContain("Erika Mustermann");
  });
});

describe("the server log", () => {
  const database = useTestDatabase();
  const lines: string[] = [];
  let app: ZodApp | undefined;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    app = await buildApp({ db: database.db, logger: { level: "info", stream } });
    app.get(
      "/api/test-fails",
      { schema: { hide: true }, config: { access: { permission: "public:read" } } },
      () => {
        throw Object.assign(new Error("kaputt"), {
          code: "22P02",
          params: ["geheim-kosten-4711", "person@example.org"],
        });
      },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("holds no secret from a URL and no SQL parameter of a failed request", async () => {
    await app!.inject({ method: "GET", url: "/einladung?token=einladung-geheim-1234" });
    await app!.inject({ method: "GET", url: "/api/health?token=api-geheim-5678" });
    const failed = await app!.inject({ method: "GET", url: "/api/test-fails" });
    expect(failed.statusCode).toBe(500);
    const log = lines.join("");
    expect(log).toContain("/einladung?token=");
    expect(log).toContain("22P02");
    for (const secret of [
      "einladung-geheim-1234",
      "api-geheim-5678",
      "geheim-kosten-4711",
      "person@example.org",
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
