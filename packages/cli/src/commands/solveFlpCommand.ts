import { readFile } from "node:fs/promises";
import { FacilityLocationInput, solveFacilityLocation, type SolveResult } from "@it-atlas/solver";
import type { Command, Output } from "./Command.ts";

const USAGE =
  "Aufruf: npm run atlas -- solve-flp DATEI [--capacitated] [--json] [--time-limit SEKUNDEN] [--gap ANTEIL]";

interface Arguments {
  file: string;
  capacitated: boolean;
  json: boolean;
  timeLimitSeconds: number;
  relativeGap: number;
}

/** Parses the arguments; a German message (for exit code 2) when they do not fit. */
function parseArguments(args: string[]): Arguments | string {
  const parsed: Arguments = {
    file: "",
    capacitated: false,
    json: false,
    timeLimitSeconds: 60,
    relativeGap: 0.0001,
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--capacitated") parsed.capacitated = true;
    else if (arg === "--json") parsed.json = true;
    else if (arg === "--time-limit" || arg === "--gap") {
      const value = Number(args[index + 1]);
      index += 1;
      if (!Number.isFinite(value) || value <= 0) return `${arg} erwartet eine positive Zahl.`;
      if (arg === "--time-limit") parsed.timeLimitSeconds = value;
      else parsed.relativeGap = value;
    } else if (arg.startsWith("--")) return `Unbekannte Option „${arg}“.`;
    else if (parsed.file) return `Nur eine Datei erwartet, erhalten auch „${arg}“.`;
    else parsed.file = arg;
  }
  return parsed.file ? parsed : "Keine Datei angegeben.";
}

/** Reads and validates the instance; German messages (for exit code 2) on failure. */
async function readInstance(file: string): Promise<FacilityLocationInput | string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "Datei nicht gefunden" : String(error);
    return [`Datei „${file}“ konnte nicht gelesen werden: ${reason}.`];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return [
      `Datei „${file}“ ist kein gültiges JSON: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  const result = FacilityLocationInput.safeParse(raw);
  if (result.success) return result.data;
  return [
    `Datei „${file}“ ist keine gültige Standortplanungs-Instanz:`,
    ...result.error.issues
      .slice(0, 20)
      .map((issue) => `  ${issue.path.join(".") || "(Wurzel)"}: ${issue.message}`),
  ];
}

const number = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 4 });

function printSummary(
  input: FacilityLocationInput,
  args: Arguments,
  result: SolveResult,
  output: Output,
): void {
  const kind = args.capacitated ? "kapazitiert, Einzelbelieferung" : "unkapazitiert";
  output.out(
    `Instanz „${input.name || args.file}“: ${number.format(input.customers.length)} Kunden, ${number.format(input.facilities.length)} Standorte (${kind})`,
  );
  if (result.status === "infeasible") {
    output.out("Status: unlösbar");
    for (const conflict of result.conflicts) output.out(`  ${conflict}`);
  } else if (result.status === "error") {
    output.out(`Status: Fehler – ${result.message}`);
  } else {
    const status = result.status === "optimal" ? "optimal" : "zulässig (Zeitlimit)";
    output.out(`Status: ${status}, Lücke ${percent.format(result.gap)}`);
    output.out(`Kosten: ${number.format(result.objective)}`);
    output.out(`Untere Schranke: ${number.format(result.bound)}`);
    output.out(`Geöffnete Standorte (${result.open.length}): ${result.open.join(", ")}`);
  }
  output.out(`Rechenzeit: ${number.format(result.seconds)} s`);
}

/**
 * `atlas solve-flp DATEI`: solves a facility-location instance (JSON, OR-Library style) for
 * validation against published benchmarks. Needs no database.
 */
export const solveFlpCommand: Command = {
  name: "solve-flp",
  summary: "Standortplanungs-Instanz (JSON) lösen: --capacitated, --json, --time-limit, --gap",
  needsDatabase: false,
  async run(_db, args, output) {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
      output.err(parsed);
      output.err(USAGE);
      return 2;
    }
    const input = await readInstance(parsed.file);
    if (Array.isArray(input)) {
      for (const line of input) output.err(line);
      return 2;
    }
    const result = await solveFacilityLocation(input, {
      capacitated: parsed.capacitated,
      timeLimitSeconds: parsed.timeLimitSeconds,
      relativeGap: parsed.relativeGap,
    });
    if (parsed.json) {
      const line =
        result.status === "optimal" || result.status === "feasible"
          ? {
              status: result.status,
              objective: result.objective,
              bound: result.bound,
              gap: result.gap,
              seconds: result.seconds,
              open: result.open,
            }
          : result;
      output.out(JSON.stringify(line));
    } else printSummary(input, parsed, result, output);
    return result.status === "error" ? 1 : 0;
  },
};
