import { createHash } from "node:crypto";
import {
  appendAudit,
  bumpLandscapeRevision,
  loadImportReferences,
  type AuditEntry,
  type Database,
} from "@it-atlas/db";
import {
  comparable,
  findImportSheet,
  guessImportSheet,
  IMPORT_SHEETS,
  mapHeader,
  MAX_REPORTED_PROBLEMS,
  readRow,
  REFERENCE_SHEETS,
  type ImportCounts,
  type ImportFieldChange,
  type ImportProblem,
  type ImportResult,
  type ImportRowOrigin,
  type Principal,
} from "@it-atlas/domain";
import type {
  EntityCheck,
  EntityImporter,
  EntityPlan,
  ImportContext,
  RejectedRow,
} from "./EntityImporter.ts";
import { membershipImporter } from "./membershipImporter.ts";
import { offerImporter } from "./offerImporter.ts";
import { organisationImporter } from "./organisationImporter.ts";
import { productImporter } from "./productImporter.ts";
import { readImportFile } from "./readImportFile.ts";
import { ReferenceIndex } from "./sourcingPlan.ts";
import { sourcingImporter } from "./sourcingImporter.ts";

/** Importers by entity, in the order of {@link IMPORT_SHEETS} (the order they are applied in). */
const IMPORTERS = new Map<string, EntityImporter<ImportRowOrigin>>(
  (
    [
      organisationImporter,
      productImporter,
      membershipImporter,
      offerImporter,
      sourcingImporter,
    ] as unknown as Array<EntityImporter<ImportRowOrigin>>
  ).map((importer) => [importer.sheet.spec.entity, importer]),
);

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
  /**
   * Reads and checks the file; the import job passes the worker pool's task. Default: in
   * this thread ({@link readAndCheckImportFile}).
   */
  checkFile?: ((bytes: Uint8Array, fileName: string) => Promise<CheckedImportFile>) | undefined;
}

const noProgress: ImportProgress = async () => {};

/** Rows of the file, read and checked without the database (plain data: crosses threads). */
export interface CheckedImportFile {
  sheets: ImportResult["sheets"];
  /** Checked rows by entity. */
  rows: Map<string, ImportRowOrigin[]>;
  problems: ImportProblem[];
  notes: string[];
  invalidRows: number;
  /** Rows the sheet check rejected, by entity: their references are checked too. */
  rejected: Map<string, RejectedRow[]>;
}

/**
 * Reads an uploaded file and checks every row on its own (no database): the CPU-heavy part
 * of an import, run in the worker pool by the import job.
 */
export async function readAndCheckImportFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<CheckedImportFile> {
  return parseSheets(await readImportFile(bytes, fileName));
}

function parseSheets(sheets: Awaited<ReturnType<typeof readImportFile>>): CheckedImportFile {
  const parsed: CheckedImportFile = {
    sheets: [],
    rows: new Map(),
    problems: [],
    notes: [],
    invalidRows: 0,
    rejected: new Map(),
  };
  for (const sheet of sheets.sheets) {
    const header = sheet.rows.find((row) => row.number === 1)?.cells ?? [];
    const spec = sheets.format === "csv" ? guessImportSheet(header) : findImportSheet(sheet.name);
    const importer = spec && IMPORTERS.get(spec.entity);
    if (!spec || !importer) {
      if (sheets.format === "csv") {
        parsed.problems.push({
          sheet: sheet.name,
          row: 1,
          column: null,
          value: null,
          message:
            "Die Kopfzeile wurde nicht erkannt. Die erste Zeile muss die Spaltenüberschriften einer Vorlage enthalten (z. B. „AGS“, „Leistungsbereich“, „Betriebsmodell“, „Gültig ab“ für Bezüge).",
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
    const rows = parsed.rows.get(spec.entity) ?? [];
    parsed.rows.set(spec.entity, rows);
    for (const { number, cells } of dataRows) {
      const read = readRow(mapping, cells, number, sheet.name);
      if (read.empty && !cellProblems.has(number)) continue;
      read.problems.unshift(...(cellProblems.get(number) ?? []));
      const row = importer.sheet.toRow(read, sheet.name);
      if (row.ok) {
        rows.push(row.value);
      } else {
        parsed.invalidRows += 1;
        parsed.problems.push(...row.problems);
        const rejected = parsed.rejected.get(spec.entity) ?? [];
        rejected.push({ sheet: sheet.name, row: number, values: read.values });
        parsed.rejected.set(spec.entity, rejected);
      }
    }
  }
  if (parsed.sheets.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push({
      sheet: sheets.sheets[0]?.name ?? "",
      row: null,
      column: null,
      value: null,
      message: `Die Arbeitsmappe enthält kein Blatt, das eingelesen werden kann (${IMPORT_SHEETS.map((spec) => `„${spec.sheet}“`).join(", ")}). Bitte eine Vorlage verwenden.`,
    });
  }
  return parsed;
}

function toResult(
  fileName: string,
  parsed: CheckedImportFile,
  checks: readonly EntityCheck[],
  committed: boolean,
): ImportResult {
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: parsed.invalidRows };
  const problems = [...parsed.problems];
  const fieldChanges: ImportFieldChange[] = [];
  for (const check of checks) {
    fieldChanges.push(...(check.fieldChanges ?? []));
    counts.new += check.counts.new;
    counts.changed += check.counts.changed;
    counts.unchanged += check.counts.unchanged;
    counts.invalid += check.counts.invalid;
    problems.push(...check.problems);
  }
  problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return {
    fileName,
    sheets: parsed.sheets,
    counts,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
    fieldChanges: fieldChanges.slice(0, MAX_REPORTED_PROBLEMS),
    fieldChangeCount: fieldChanges.length,
    notes: parsed.notes,
    committed,
  };
}

/** Thrown inside the commit transaction to roll it back when a row became invalid meanwhile. */
class CommitRefused extends Error {
  constructor(readonly checks: EntityCheck[]) {
    super("Import nicht übernommen: eine Zeile ist inzwischen ungültig");
  }
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
  await progress(0.02, "Datei wird gelesen und geprüft …");
  const parsed = await (options.checkFile ?? readAndCheckImportFile)(bytes, options.fileName);
  const entities = [...IMPORTERS.keys()].filter(
    (entity) => (parsed.rows.get(entity)?.length ?? 0) > 0,
  );
  const rejected = [...IMPORTERS.entries()].filter(
    ([entity, importer]) =>
      importer.referenceProblems && (parsed.rejected.get(entity)?.length ?? 0) > 0,
  );
  if (entities.length === 0 && rejected.length === 0) {
    return toResult(options.fileName, parsed, [], false);
  }
  await progress(0.45, "Abgleich mit dem Datenbestand …");
  const reason = `Import ${options.fileName}`.slice(0, 300);
  const context: ImportContext = {
    principal: options.actor.principal,
    index: new ReferenceIndex(await loadImportReferences(db)),
    reason,
  };
  // One after the other: products of the file must be known before offers and Bezüge.
  const plans: EntityPlan[] = [];
  for (const entity of entities) {
    const importer = IMPORTERS.get(entity);
    if (importer) plans.push(await importer.plan(db, parsed.rows.get(entity) ?? [], context));
  }
  // Rejected rows are already counted as invalid; only their reference problems are added
  // (after the plans, so that a product of the same file counts as known).
  parsed.problems.push(
    ...rejected.flatMap(
      ([entity, importer]) =>
        importer.referenceProblems?.(parsed.rejected.get(entity) ?? [], context) ?? [],
    ),
  );
  if (entities.length === 0) return toResult(options.fileName, parsed, [], false);
  const preview = toResult(options.fileName, parsed, plans, false);
  const { invalid, new: created, changed } = preview.counts;
  if (!options.commit || invalid > 0 || created + changed === 0) {
    await progress(1, "Prüfung abgeschlossen");
    return preview;
  }
  await progress(0.6, "Änderungen werden gespeichert …");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let checks: EntityCheck[];
  let committed = false;
  try {
    checks = await db.transaction(async (tx) => {
      const fresh: EntityCheck[] = [];
      for (const plan of plans) fresh.push(await plan.commit(tx));
      if (fresh.some((check) => check.counts.invalid > 0)) throw new CommitRefused(fresh);
      const counts = toResult(options.fileName, parsed, fresh, true).counts;
      await bumpLandscapeRevision(tx);
      await appendAudit(tx, {
        ...options.actor.audit,
        action: "import",
        entityType: "import",
        entityId: options.uploadId === undefined ? options.fileName : String(options.uploadId),
        before: null,
        after: {
          fileName: options.fileName,
          sha256,
          counts,
          sheets: parsed.sheets,
          entities,
        },
      });
      return fresh;
    });
    committed = true;
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    checks = error.checks;
  }
  await progress(1, committed ? "Import abgeschlossen" : "Import abgebrochen");
  return toResult(options.fileName, parsed, checks, committed);
}
