import { createHash } from "node:crypto";
import {
  appendAudit,
  applySourcingImport,
  finishSourcingImport,
  getLandscapeRevision,
  listSourcingVersions,
  loadImportReferences,
  lockSourcingForImport,
  type AuditEntry,
  type Database,
} from "@it-atlas/db";
import {
  comparable,
  findImportSheet,
  guessImportSheet,
  mapHeader,
  MAX_REPORTED_PROBLEMS,
  readRow,
  REFERENCE_SHEETS,
  toSourcingImportRow,
  type ImportCounts,
  type ImportProblem,
  type ImportResult,
  type Principal,
  type SourcingImportRow,
} from "@it-atlas/domain";
import { readImportFile } from "./readImportFile.ts";
import { planSourcingImport, ReferenceIndex, type SourcingPlan } from "./sourcingPlan.ts";

/** Reports progress (0–1, German text); may throw to cancel. */
export type ImportProgress = (fraction: number, text: string) => Promise<void>;

/** Who imports, for permissions and the audit trail. */
export interface ImportActor {
  principal: Principal;
  audit: Pick<AuditEntry, "actorUserId" | "actorLabel" | "via" | "requestId">;
}

/** Options of {@link runImport}. */
export interface ImportOptions {
  fileName: string;
  actor: ImportActor;
  /** Write the changes (one transaction) when no row is invalid; otherwise only check. */
  commit: boolean;
  /** Id of the stored upload, for the audit record. */
  uploadId?: number | undefined;
  progress?: ImportProgress | undefined;
}

const noProgress: ImportProgress = async () => {};

/** Rows of the file, read and checked without the database. */
interface ParsedFile {
  sheets: ImportResult["sheets"];
  rows: SourcingImportRow[];
  problems: ImportProblem[];
  notes: string[];
  invalidRows: number;
}

function parseSheets(sheets: Awaited<ReturnType<typeof readImportFile>>): ParsedFile {
  const parsed: ParsedFile = { sheets: [], rows: [], problems: [], notes: [], invalidRows: 0 };
  for (const sheet of sheets.sheets) {
    const header = sheet.rows.find((row) => row.number === 1)?.cells ?? [];
    const spec = sheets.format === "csv" ? guessImportSheet(header) : findImportSheet(sheet.name);
    if (!spec) {
      if (sheets.format === "csv") {
        parsed.problems.push({
          sheet: sheet.name,
          row: 1,
          column: null,
          value: null,
          message:
            "Die Kopfzeile wurde nicht erkannt. Die erste Zeile muss die Spaltenüberschriften der Vorlage enthalten (z. B. „AGS“, „Leistungsbereich“, „Betriebsmodell“, „Gültig ab“).",
        });
        parsed.invalidRows += Math.max(0, sheet.rows.length - 1);
      } else if (!REFERENCE_SHEETS.some((name) => comparable(name) === comparable(sheet.name))) {
        parsed.notes.push(
          `Das Blatt „${sheet.name}“ wird nicht eingelesen (unbekannter Blattname).`,
        );
      }
      continue;
    }
    const dataRows = sheet.rows.filter((row) => row.number > 1);
    parsed.sheets.push({ sheet: sheet.name, entity: spec.entity, rows: dataRows.length });
    const sheetProblems = sheet.problems.filter(
      (problem) => problem.row === null || problem.row === 1,
    );
    const { mapping, problems: headerProblems } = mapHeader(spec, header, sheet.name);
    if (sheetProblems.length > 0 || headerProblems.length > 0 || header.length === 0) {
      parsed.problems.push(...sheetProblems, ...headerProblems);
      if (header.length === 0 && sheetProblems.length === 0) {
        parsed.problems.push({
          sheet: sheet.name,
          row: 1,
          column: null,
          value: null,
          message: "Das Blatt hat keine Kopfzeile.",
        });
      }
      parsed.invalidRows += dataRows.length;
      continue;
    }
    const cellProblems = new Map<number, ImportProblem[]>();
    for (const problem of sheet.problems) {
      if (problem.row === null || problem.row === 1) continue;
      const list = cellProblems.get(problem.row) ?? [];
      list.push(problem);
      cellProblems.set(problem.row, list);
    }
    for (const { number, cells } of dataRows) {
      const read = readRow(mapping, cells, number, sheet.name);
      if (read.empty && !cellProblems.has(number)) continue;
      read.problems.unshift(...(cellProblems.get(number) ?? []));
      const row = toSourcingImportRow(read, sheet.name);
      if (row.ok) {
        parsed.rows.push(row.value);
      } else {
        parsed.invalidRows += 1;
        parsed.problems.push(...row.problems);
      }
    }
  }
  if (parsed.sheets.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push({
      sheet: sheets.sheets[0]?.name ?? "",
      row: null,
      column: null,
      value: null,
      message: "Die Arbeitsmappe enthält kein Blatt „Bezüge“. Bitte die Vorlage verwenden.",
    });
  }
  return parsed;
}

function toResult(
  fileName: string,
  parsed: ParsedFile,
  plan: SourcingPlan | undefined,
  committed: boolean,
): ImportResult {
  const counts: ImportCounts = plan
    ? { ...plan.counts, invalid: plan.counts.invalid + parsed.invalidRows }
    : { new: 0, changed: 0, unchanged: 0, invalid: parsed.invalidRows };
  const problems = [...parsed.problems, ...(plan?.problems ?? [])].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0),
  );
  return {
    fileName,
    sheets: parsed.sheets,
    counts,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
    notes: parsed.notes,
    committed,
  };
}

/**
 * Reads an Excel or CSV file, checks every row and compares it with the landscape; with
 * `commit`, writes all changes in one transaction — or nothing when any row is invalid.
 * Rows equal to the version valid on their "Gültig ab" write nothing, so importing the same
 * file twice changes nothing the second time.
 */
export async function runImport(
  db: Database,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const progress = options.progress ?? noProgress;
  await progress(0.02, "Datei wird gelesen …");
  const file = await readImportFile(bytes, options.fileName);
  await progress(0.25, "Zeilen werden geprüft …");
  const parsed = parseSheets(file);
  if (parsed.rows.length === 0) return toResult(options.fileName, parsed, undefined, false);
  const revision = await getLandscapeRevision(db);
  const [references, versions] = await Promise.all([
    loadImportReferences(db),
    listSourcingVersions(db),
  ]);
  const index = new ReferenceIndex(references);
  await progress(0.45, "Abgleich mit dem Datenbestand …");
  const plan = planSourcingImport(parsed.rows, index, versions, options.actor.principal);
  const invalid = plan.counts.invalid + parsed.invalidRows;
  if (!options.commit || invalid > 0 || plan.counts.new + plan.counts.changed === 0) {
    await progress(1, "Prüfung abgeschlossen");
    return toResult(options.fileName, parsed, plan, false);
  }
  await progress(0.6, "Änderungen werden gespeichert …");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const reason = `Import ${options.fileName}`.slice(0, 300);
  const outcome = await db.transaction(async (tx) => {
    await lockSourcingForImport(tx);
    // Check again inside the transaction when the landscape changed since the check above
    // (every sourcing write increments the revision); otherwise the check stands.
    const unchanged = (await getLandscapeRevision(tx)) === revision;
    const current = unchanged ? versions : await listSourcingVersions(tx);
    const fresh = unchanged
      ? plan
      : planSourcingImport(parsed.rows, index, current, options.actor.principal);
    if (fresh.counts.invalid > 0) return { plan: fresh, committed: false };
    const openIds = new Map<string, { id: number; validFrom: string }>();
    for (const version of current) {
      if (version.validTo === null) {
        openIds.set(`${version.organisationKey}|${version.domainId}`, {
          id: version.id,
          validFrom: version.validFrom,
        });
      }
    }
    await applySourcingImport(
      tx,
      fresh.rows.filter((row) => row.status !== "unchanged"),
      openIds,
      reason,
    );
    await finishSourcingImport(tx);
    await appendAudit(tx, {
      ...options.actor.audit,
      action: "import",
      entityType: "import",
      entityId: options.uploadId === undefined ? options.fileName : String(options.uploadId),
      before: null,
      after: { fileName: options.fileName, sha256, counts: fresh.counts, sheets: parsed.sheets },
    });
    return { plan: fresh, committed: true };
  });
  await progress(1, outcome.committed ? "Import abgeschlossen" : "Import abgebrochen");
  return toResult(options.fileName, parsed, outcome.plan, outcome.committed);
}
