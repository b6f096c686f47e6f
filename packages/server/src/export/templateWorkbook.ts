import ExcelJS from "exceljs";
import { loadImportReferences, type Database } from "@it-atlas/db";
import {
  columnLetter,
  IMPORT_SHEETS,
  InputError,
  neutraliseFormula,
  type SheetSpec,
} from "@it-atlas/domain";
import { workbookBuffer } from "./writeSheet.ts";

/** Rows of the template that carry value lists (drop-downs); more rows can be added by copying. */
const VALIDATED_ROWS = 2000;

/** A value list of the "Werte" sheet: heading and entries (code, German text). */
interface ValueList {
  heading: string;
  entries: Array<[string, string]>;
}

async function valueLists(db: Database, spec: SheetSpec): Promise<Map<string, ValueList>> {
  const references = await loadImportReferences(db);
  const lists = new Map<string, ValueList>();
  for (const column of spec.columns) {
    if (column.choices) {
      lists.set(column.header, {
        heading: column.header,
        entries: column.choices.map((choice) => [choice.label, choice.value]),
      });
    }
  }
  lists.set("Leistungsbereich", {
    heading: "Leistungsbereich",
    entries: references.domains
      .filter((domain) => !domain.isGroup)
      .map((domain) => [domain.id, domain.name]),
  });
  lists.set("IT-Dienstleister", {
    heading: "IT-Dienstleister",
    entries: references.providers
      .filter((provider) => provider.status === "active")
      .map((provider) => [provider.id, provider.name]),
  });
  lists.set("Produkt", {
    heading: "Produkt",
    entries: references.products.map((product) => [
      product.id,
      `${product.name} (${product.vendor}) – ${product.domainIds.join(", ")}`,
    ]),
  });
  // Only the lists of columns the sheet has (a Kommunen template needs no provider list).
  const headers = new Set(spec.columns.map((column) => column.header));
  for (const heading of [...lists.keys()]) if (!headers.has(heading)) lists.delete(heading);
  if (headers.has("Leistungsbereiche")) {
    // A list column (several ids): the values to choose from, without a drop-down.
    lists.set("Leistungsbereiche (Kennungen)", {
      heading: "Leistungsbereiche (Kennungen)",
      entries: references.domains
        .filter((domain) => !domain.isGroup)
        .map((domain) => [domain.id, domain.name]),
    });
  }
  return lists;
}

function addHints(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet("Hinweise");
  sheet.columns = [{ width: 30 }, { width: 10 }, { width: 12 }, { width: 90 }, { width: 18 }];
  sheet.addRow([`IT-Atlas NRW – Importvorlage ${spec.title}`]).font = { bold: true, size: 14 };
  for (const line of [
    `Tragen Sie die Daten im Blatt „${spec.sheet}“ ein. ${spec.rowHint ?? ""}`.trim(),
    ...(spec.permissionHint ? [`Importieren dürfen: ${spec.permissionHint}`] : []),
    "Spalten mit „Eingelesen: nein“ dienen nur der Orientierung (etwa in Exporten) und werden beim Import nicht gespeichert.",
    "Zulässige Werte stehen im Blatt „Werte“ und als Auswahlliste in den Zellen. Keine Formeln, keine verbundenen Zellen, keine zusätzlichen Spalten.",
    "Zahlen mit Dezimalkomma und Tausenderpunkten (1.234,56) und Daten als TT.MM.JJJJ sind erlaubt; eine von Excel entfernte führende Null der AGS wird ergänzt.",
    "Beim Hochladen zeigt die Vorschau neue, geänderte, unveränderte und fehlerhafte Zeilen. Gespeichert wird erst nach Bestätigung – und nur, wenn keine Zeile fehlerhaft ist.",
    "Zeilen, die dem gespeicherten Stand entsprechen, ändern nichts: Dieselbe Datei zweimal zu importieren ist unschädlich.",
    "CSV: Semikolon oder Komma als Trennzeichen, UTF-8 (mit oder ohne BOM) oder Windows-1252.",
  ]) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  sheet.addRow(["Spalte", "Pflicht", "Eingelesen", "Erläuterung", "Beispiel"]).font = {
    bold: true,
  };
  for (const column of spec.columns) {
    sheet.addRow([
      column.header,
      column.required ? "ja" : "",
      column.kind === "info" ? "nein" : "ja",
      column.hint,
      column.example ?? "",
    ]);
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: "top" };
}

/**
 * The Excel template of an importable sheet: a "Hinweise" sheet, the data sheet with German
 * headers and drop-down value lists, and a "Werte" sheet with the allowed values.
 */
export async function templateWorkbook(db: Database, entity: string): Promise<Buffer> {
  const spec = IMPORT_SHEETS.find((candidate) => candidate.entity === entity);
  if (!spec) {
    throw new InputError("template_unknown", `Für „${entity}“ gibt es keine Importvorlage.`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IT-Atlas NRW";
  addHints(workbook, spec);
  const columns = spec.columns.filter((column) => column.kind !== "info" || column.template);
  const data = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: column.width ?? 14,
  }));
  data.getRow(1).font = { bold: true };

  const lists = await valueLists(db, spec);
  const values = workbook.addWorksheet("Werte");
  let listColumn = 0;
  for (const list of lists.values()) {
    const letter = columnLetter(listColumn);
    values.getColumn(listColumn + 1).width = 24;
    values.getColumn(listColumn + 2).width = 40;
    values.getCell(`${letter}1`).value = list.heading;
    values.getCell(`${letter}1`).font = { bold: true };
    values.getCell(`${columnLetter(listColumn + 1)}1`).value = "Bedeutung";
    list.entries.forEach(([value, meaning], index) => {
      values.getCell(`${letter}${index + 2}`).value = value;
      // Names may be typed by people (products): never a formula. Values are ids and keys.
      values.getCell(`${columnLetter(listColumn + 1)}${index + 2}`).value =
        typeof meaning === "string" ? neutraliseFormula(meaning) : meaning;
    });
    const dataIndex = columns.findIndex((column) => column.header === list.heading);
    if (dataIndex >= 0 && list.entries.length > 0) {
      const formula = `Werte!$${letter}$2:$${letter}$${list.entries.length + 1}`;
      for (let row = 2; row <= VALIDATED_ROWS + 1; row += 1) {
        data.getCell(row, dataIndex + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          // Choice columns insist on the list; references also accept names, so only hint.
          showErrorMessage: spec.columns.some(
            (column) => column.header === list.heading && column.kind === "choice",
          ),
          errorTitle: "Ungültiger Wert",
          error: `Bitte einen Wert aus der Liste im Blatt „Werte“ wählen (${list.heading}).`,
        };
      }
    }
    listColumn += 3;
  }
  for (const [index, column] of columns.entries()) {
    if (column.kind === "date") data.getColumn(index + 1).numFmt = "dd.mm.yyyy";
    if (column.kind === "key") data.getColumn(index + 1).numFmt = "@";
  }
  return workbookBuffer(workbook);
}
