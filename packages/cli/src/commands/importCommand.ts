import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { migrate } from "@it-atlas/db";
import type { ImportResult } from "@it-atlas/domain";
import { runImport } from "@it-atlas/server";
import { CLI_ACTOR } from "./cliActor.ts";
import type { Command, Output } from "./Command.ts";

const number = new Intl.NumberFormat("de-DE");

function printResult(result: ImportResult, output: Output): void {
  const { counts } = result;
  output.out(
    `Neu: ${number.format(counts.new)} · geändert: ${number.format(counts.changed)} · unverändert: ${number.format(counts.unchanged)} · fehlerhaft: ${number.format(counts.invalid)}`,
  );
  for (const note of result.notes) output.out(`Hinweis: ${note}`);
  for (const problem of result.problems) {
    const where = [
      problem.sheet,
      problem.row === null ? null : `Zeile ${problem.row}`,
      problem.column === null ? null : `Spalte „${problem.column}“`,
      problem.value === null ? null : `Wert „${problem.value}“`,
    ]
      .filter((part) => part !== null)
      .join(", ");
    output.err(`${where}: ${problem.message}`);
  }
  if (result.problemCount > result.problems.length) {
    output.err(
      `… und ${number.format(result.problemCount - result.problems.length)} weitere Probleme.`,
    );
  }
}

/**
 * `atlas import FILE [--dry-run]`: imports an Excel or CSV file (template columns) in one
 * transaction. Exit code 1 and nothing written when any row is invalid; the problems are
 * printed with sheet, row, column and value. With --dry-run only checks.
 */
export const importCommand: Command = {
  name: "import",
  summary: "Excel-/CSV-Datei importieren (--dry-run: nur prüfen); Fehler → Exit-Code 1",
  async run(db, args, output) {
    const file = args.find((arg) => !arg.startsWith("--"));
    if (!file) {
      output.err("Bitte eine Datei angeben, z. B. npm run atlas -- import bezuege.xlsx --dry-run");
      return 2;
    }
    const dryRun = args.includes("--dry-run");
    const bytes = new Uint8Array(await readFile(file));
    await migrate(db);
    let lastPercent = -1;
    const result = await runImport(db, bytes, {
      fileName: basename(file),
      actor: CLI_ACTOR,
      commit: !dryRun,
      progress: (fraction, text) => {
        const percent = Math.round(fraction * 100);
        if (percent === lastPercent) return Promise.resolve();
        lastPercent = percent;
        output.err(
          `[${"#".repeat(Math.round(fraction * 20)).padEnd(20, ".")}] ${String(percent).padStart(3)} % ${text}`,
        );
        return Promise.resolve();
      },
    });
    printResult(result, output);
    if (result.counts.invalid > 0) {
      output.err("Nichts gespeichert: Die Datei enthält fehlerhafte Zeilen.");
      return 1;
    }
    if (dryRun) {
      output.out("Probelauf (--dry-run): nichts gespeichert.");
    } else if (result.committed) {
      output.out("Import gespeichert.");
    } else {
      output.out("Keine Änderungen – nichts zu speichern.");
    }
    return 0;
  },
};
