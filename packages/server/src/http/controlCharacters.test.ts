import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";
import { controlCharacterProblems } from "./controlCharacters.ts";

describe("controlCharacterProblems", () => {
  it("finds a control character wherever it hides and lets ordinary text through", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f", "\u0085"),
        fc.string(),
        (before, control, after) => {
          const body = { a: { b: [`${before}${control}${after}`] } };
          expect(controlCharacterProblems({ body })).toEqual([
            expect.objectContaining({ field: "a.b.0" }),
          ]);
        },
      ),
    );
    expect(
      controlCharacterProblems({
        body: { text: "Zeile 1\nZeile 2\r\n\tEingerückt – „Anführung“ äöüß €" },
        query: { q: "Det" },
      }),
    ).toEqual([]);
  });
});

describe("NUL bytes and control characters at the API", () => {
  const test = useTestApp();

  it("answers every GET route with a NUL in its query or path with a 4xx, never a 500", async () => {
    const headers = await authHeaders(test.db, "administrator");
    const document = (await test.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const paths = Object.entries(document.paths)
      .filter(([, operations]) => "get" in operations)
      .map(([path]) => path);
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const withNul = path.replace(/\{[^}]+\}/g, "05766020%00");
      for (const url of [`${withNul}?q=Det%00mold&asOf=2026-01-01%00`, withNul]) {
        const response = await test.app.inject({ method: "GET", url, headers });
        expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        if (url.includes("?")) expect(response.statusCode, url).toBe(400);
      }
    }
  });

  it("refuses a NUL in a JSON body with a German 400 naming the field", async () => {
    const headers = await authHeaders(test.db, "administrator");
    const response = await test.app.inject({
      method: "POST",
      url: "/api/measures",
      headers,
      payload: { title: "Umstellung\u0000Einwohnerwesen" },
    });
    const problem = expectProblem(response, 400, "invalid_request");
    expect(problem.detail).toMatch(
      /^Anfragetext ungültig: „title“ enthält unzulässige Steuerzeichen/,
    );
  });

  it("refuses an impossible calendar day in a body field with a German 400, storing nothing", async () => {
    const headers = await authHeaders(test.db, "administrator");
    const before = await test.app.inject({ method: "GET", url: "/api/measures", headers });
    const response = await test.app.inject({
      method: "POST",
      url: "/api/measures",
      headers,
      payload: { title: "Umstellung Einwohnerwesen", startDate: "2026-02-30" },
    });
    const problem = expectProblem(response, 400, "invalid_request");
    expect(problem.detail).toContain("ist kein gültiges Kalenderdatum");
    const after = await test.app.inject({ method: "GET", url: "/api/measures", headers });
    const total = before.json<{ total: number }>().total;
    expect(total).toEqual(expect.any(Number));
    expect(after.json<{ total: number }>().total).toBe(total);
  });
});
