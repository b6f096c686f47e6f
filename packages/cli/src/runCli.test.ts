import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@it-atlas/db";
import { useTestDatabase } from "@it-atlas/db/testing";
import { describe, expect, it } from "vitest";
import { runCli } from "./runCli.ts";

const database = useTestDatabase();

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

function run(argv: string[], output: ReturnType<typeof capture>["output"]): Promise<number> {
  return runCli(argv, output, () => Promise.resolve(database.db), false);
}

describe("atlas CLI", () => {
  it("refuses an unknown command with exit code 2 and a German message", async () => {
    const { lines, output } = capture();
    expect(await run(["zaubern"], output)).toBe(2);
    expect(lines.err[0]).toBe("Unbekannter Befehl „zaubern“.");
  });

  it("prints the counts with stats --json", async () => {
    const { lines, output } = capture();
    expect(await run(["stats", "--json"], output)).toBe(0);
    expect(JSON.parse(lines.out[0] ?? "{}")).toMatchObject({
      gemeinden: 396,
      kreise: 31,
      ozgLeistungen: 557,
    });
  });

  it("prints German-formatted counts with stats", async () => {
    const { lines, output } = capture();
    await run(["stats"], output);
    expect(lines.out.join("\n")).toMatch(/LeiKa-Leistungen\s+5\.249/);
  });

  it("migrates and seeds idempotently", async () => {
    const { lines, output } = capture();
    expect(await run(["migrate"], output)).toBe(0);
    expect(await run(["seed"], output)).toBe(0);
    expect(lines.out).toEqual([
      "Keine ausstehenden Migrationen – die Datenbank ist aktuell.",
      expect.stringMatching(/^Referenzdaten sind bereits aktuell/),
    ]);
  });

  it("reports a database that cannot be opened with exit code 1", async () => {
    const { lines, output } = capture();
    const code = await runCli(["stats"], output, () =>
      Promise.reject(new Error("keine Verbindung")),
    );
    expect(code).toBe(1);
    expect(lines.err[0]).toBe("Fehler: keine Verbindung");
  });
});

describe("atlas create-admin", () => {
  it("creates an administrator with a password from standard input, once", async () => {
    const { createAdminCommand } = await import("./commands/createAdminCommand.ts");
    const command = createAdminCommand(() => Promise.resolve("ein-sicheres-Passwort"));
    const first = capture();
    expect(
      await command.run(
        database.db,
        ["--email", "chefin@example.org", "--password-stdin"],
        first.output,
      ),
    ).toBe(0);
    expect(first.lines.out[0]).toMatch(/angelegt/);
    const second = capture();
    await expect(
      command.run(
        database.db,
        ["--email", "chefin@example.org", "--password-stdin"],
        second.output,
      ),
    ).rejects.toThrow(/bereits/);
  });

  it("refuses a short password and a missing e-mail", async () => {
    const { createAdminCommand } = await import("./commands/createAdminCommand.ts");
    const command = createAdminCommand(() => Promise.resolve("kurz"));
    const { lines, output } = capture();
    expect(await command.run(database.db, ["--password-stdin"], output)).toBe(2);
    expect(lines.err[0]).toMatch(/--email/);
    await expect(
      command.run(database.db, ["--email", "x@example.org", "--password-stdin"], output),
    ).rejects.toThrow(/mindestens 12 Zeichen/);
  });
});

describe("atlas CLI on a fresh data folder", () => {
  it("migrates and seeds before the command, like npm start (export on an empty folder)", async () => {
    const folder = await mkdtemp(join(tmpdir(), "atlas-cli-fresh-"));
    try {
      const { lines, output } = capture();
      const target = join(folder, "k.geojson");
      const code = await runCli(["export", "--format", "geojson", "--out", target], output, () =>
        openDatabase({ databaseUrl: undefined, dataDir: join(folder, "data") }),
      );
      expect(lines.err.join("\n")).not.toMatch(/does not exist/);
      expect(code, lines.err.join("\n")).toBe(0);
      expect(lines.err.some((line) => line.startsWith("Datenbank aktualisiert"))).toBe(true);
      const geojson = JSON.parse(await readFile(target, "utf8")) as { features: unknown[] };
      expect(geojson.features.length).toBeGreaterThan(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
