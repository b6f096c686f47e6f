import {
  checkStatusWrites,
  listStatusRecordsOf,
  type Queryable,
  type StatusWrite,
} from "@it-atlas/db";
import {
  ADOPTION_SHEET,
  MAX_REPORTED_PROBLEMS,
  problemValue,
  readAdoptionSheet,
  type AdoptionImportRow,
  type ImportProblem,
  type ImportResult,
  type RecordedQuality,
} from "@it-atlas/domain";
import { readImportFile } from "../import/readImportFile.ts";

const COLUMN_OF = {
  organisationKey: "Schlüssel",
  ozgId: "OZG-ID",
  component: "Komponente",
  onlineServiceId: "Onlinedienst",
} as const;

/** Who imports: may they change a Kommune's records, and with which quality? */
export interface ImportActor {
  canEdit(organisationKey: string): boolean;
  qualityFor(organisationKey: string): RecordedQuality;
}

/** A checked import: its result for people and the records to write when it is clean. */
export interface CheckedImport {
  result: ImportResult;
  writes: StatusWrite[];
}

function sameRecord(a: Omit<StatusWrite, "quality">, b: StatusWrite): boolean {
  return (
    a.status === b.status &&
    a.onlineServiceId === b.onlineServiceId &&
    a.plannedDate === b.plannedDate &&
    a.informationSource === b.informationSource &&
    a.informationDate === b.informationDate &&
    a.note === b.note
  );
}

/**
 * Checks an adoption import (.xlsx or CSV) completely — file form, each row, the caller's right to change each
 * Kommune, and the references against the database — and counts new, changed and unchanged
 * records. Nothing is written here; the commit writes `writes` in one transaction when there
 * is no problem.
 */
export async function checkAdoptionImport(
  db: Queryable,
  bytes: Uint8Array,
  fileName: string,
  actor: ImportActor,
): Promise<CheckedImport> {
  const sheet = ADOPTION_SHEET.sheet;
  // An .xlsx workbook (the sheet "OZG-Umsetzung", else the first) or a CSV file.
  const file = await readImportFile(bytes, fileName);
  const chosen = file.sheets.find((candidate) => candidate.name === sheet) ?? file.sheets[0];
  const parsed = readAdoptionSheet(chosen?.rows ?? []);
  const problems: ImportProblem[] = [...(chosen?.problems ?? []), ...parsed.problems];
  const notes = file.sheets
    .filter((candidate) => candidate !== chosen)
    .map((candidate) => `Blatt „${candidate.name}“ wurde nicht gelesen.`);
  const allowed: AdoptionImportRow[] = [];
  for (const row of parsed.rows) {
    if (actor.canEdit(row.organisationKey)) {
      allowed.push(row);
    } else {
      problems.push({
        sheet,
        row: row.row,
        column: "Schlüssel",
        value: row.organisationKey,
        message: `Sie dürfen den Umsetzungsstand der Kommune „${row.organisationKey}“ nicht ändern.`,
      });
    }
  }
  const writes: StatusWrite[] = allowed.map((row) => ({
    organisationKey: row.organisationKey,
    ozgId: row.ozgId,
    component: row.component,
    status: row.status,
    onlineServiceId: row.onlineServiceId,
    plannedDate: row.plannedDate,
    informationSource: row.informationSource ?? `Import ${fileName}`,
    informationDate: row.informationDate,
    note: row.note,
    quality: actor.qualityFor(row.organisationKey),
  }));
  const referenceProblems = await checkStatusWrites(db, writes);
  for (const problem of referenceProblems) {
    const row = allowed[problem.index];
    const write = writes[problem.index];
    problems.push({
      sheet,
      row: row?.row ?? null,
      column: COLUMN_OF[problem.field],
      value: problemValue(write ? (write[problem.field] ?? null) : null),
      message: problem.message,
    });
  }
  const invalidRows = new Set(
    problems.flatMap((problem) => (problem.row !== null && problem.row > 1 ? [problem.row] : [])),
  );
  const existing = await listStatusRecordsOf(db, [
    ...new Set(writes.map((write) => write.organisationKey)),
  ]);
  const existingBy = new Map(
    existing.map((record) => [
      `${record.organisationKey}/${record.ozgId ?? record.component}`,
      record,
    ]),
  );
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: invalidRows.size };
  writes.forEach((write, index) => {
    if (invalidRows.has(allowed[index]?.row ?? -1)) return;
    const before = existingBy.get(`${write.organisationKey}/${write.ozgId ?? write.component}`);
    if (!before) counts.new += 1;
    else if (sameRecord(before, write)) counts.unchanged += 1;
    else counts.changed += 1;
  });
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const dataRows = new Set([
    ...parsed.rows.map((row) => row.row),
    ...problems.flatMap((problem) =>
      problem.row !== null && problem.row > 1 ? [problem.row] : [],
    ),
  ]).size;
  return {
    result: {
      fileName,
      sheets: [{ sheet, entity: ADOPTION_SHEET.entity, rows: dataRows }],
      counts,
      problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
      problemCount: problems.length,
      fieldChanges: [],
      fieldChangeCount: 0,
      notes,
      committed: false,
    },
    writes,
  };
}
