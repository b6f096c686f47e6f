import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../runCli.ts";

let directory = "";

/** 3 facilities × 4 customers; uncapacitated, A and B for 29 is optimal (see the solver's tests). */
const instance = {
  name: "3x4",
  facilities: [
    { id: "A", fixedCost: 10, capacity: 2 },
    { id: "B", fixedCost: 9, capacity: 1 },
    { id: "C", fixedCost: 8, capacity: 3 },
  ],
  customers: [
    { id: 1, demand: 1, costs: [2, 9, 7] },
    { id: 2, demand: 1, costs: [3, 8, 6] },
    { id: 3, demand: 1, costs: [9, 2, 5] },
    { id: 4, demand: 1, costs: [8, 3, 6] },
  ],
};

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "solve-flp-"));
  await writeFile(join(directory, "instance.json"), JSON.stringify(instance));
  await writeFile(join(directory, "broken.json"), "{ nicht json");
  await writeFile(
    join(directory, "invalid.json"),
    JSON.stringify({
      facilities: [{ id: 1, fixedCost: -5 }],
      customers: [{ id: 1, demand: 1, costs: [1, 2] }],
    }),
  );
});
afterAll(() => rm(directory, { recursive: true, force: true }));

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    output: {
      out: (line: string) => lines.out.push(line),
      err: (line: string) => lines.err.push(line),
    },
  };
}

/** Runs the CLI with a database opener that fails: solve-flp must not need one. */
function run(args: string[], output: ReturnType<typeof capture>["output"]) {
  return runCli(["solve-flp", ...args], output, () => Promise.reject(new Error("keine Datenbank")));
}

describe("atlas solve-flp", () => {
  it("prints exactly one JSON line with --json, without opening a database", async () => {
    const { lines, output } = capture();
    expect(await run([join(directory, "instance.json"), "--json"], output)).toBe(0);
    expect(lines.out).toHaveLength(1);
    expect(JSON.parse(lines.out[0] ?? "{}")).toEqual({
      status: "optimal",
      objective: 29,
      bound: expect.closeTo(29, 6),
      gap: expect.any(Number),
      seconds: expect.any(Number),
      open: ["A", "B"],
    });
  });

  it("respects capacities with --capacitated", async () => {
    const { lines, output } = capture();
    // C alone would hold 3 of 4; A + B only 3. A + C: 10 + 8 + (2 + 3) + (5 + 6) = 34, cheaper
    // than B + C (38) and all three (40).
    expect(
      await run(
        [join(directory, "instance.json"), "--json", "--capacitated", "--time-limit", "10"],
        output,
      ),
    ).toBe(0);
    expect(JSON.parse(lines.out[0] ?? "{}")).toMatchObject({
      status: "optimal",
      objective: 34,
      open: ["A", "C"],
    });
  });

  it("summarises in German without --json", async () => {
    const { lines, output } = capture();
    expect(await run([join(directory, "instance.json")], output)).toBe(0);
    expect(lines.out).toEqual([
      "Instanz „3x4“: 4 Kunden, 3 Standorte (unkapazitiert)",
      expect.stringMatching(/^Status: optimal, Lücke 0/),
      "Kosten: 29",
      "Untere Schranke: 29",
      "Geöffnete Standorte (2): A, B",
      expect.stringMatching(/^Rechenzeit: [\d,]+ s$/),
    ]);
  });

  it.each([
    [["fehlt.json"], /^Datei „fehlt.json“ konnte nicht gelesen werden: Datei nicht gefunden\.$/],
    [["broken.json"], /ist kein gültiges JSON/],
    [[], /^Keine Datei angegeben\.$/],
    [["instance.json", "--gap", "viel"], /^--gap erwartet eine positive Zahl\.$/],
    [["instance.json", "--schnell"], /^Unbekannte Option „--schnell“\.$/],
  ])("refuses %j with exit code 2 and a German message", async (args, message) => {
    const { lines, output } = capture();
    const resolved = args.map((arg) =>
      arg.endsWith(".json") && arg !== "fehlt.json" ? join(directory, arg) : arg,
    );
    expect(await run(resolved, output)).toBe(2);
    expect(lines.err[0]?.replace(directory + "/", "")).toMatch(message);
  });

  it("lists the validation problems of an invalid instance", async () => {
    const { lines, output } = capture();
    expect(await run([join(directory, "invalid.json")], output)).toBe(2);
    expect(lines.err.slice(1)).toEqual([
      "  facilities.0.fixedCost: Die Fixkosten dürfen nicht negativ sein.",
      "  customers.0.costs: Kunde 1 hat 2 Kostenwerte, erwartet werden 1 (einer je Standort).",
    ]);
  });
});
