import ExcelJS from "exceljs";
import type { Database } from "@it-atlas/db";
import type { Principal } from "@it-atlas/domain";
import type { LandscapeReader } from "../services/landscapeService.ts";
import {
  landscapeWorkbookTables,
  sourcingTable,
  visibleLandscape,
  type ExportFilter,
} from "./landscapeTables.ts";
import { addTableSheet, tableToCsv, workbookBuffer, type ExportTable } from "./writeSheet.ts";

/** A file to download. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** Content types of the export formats. */
export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  geojson: "application/geo+json; charset=utf-8",
  archimate: "application/xml; charset=utf-8",
} as const;

/** A table as a CSV file (German Excel) or a one-sheet workbook; `baseName` without extension. */
export async function exportTable(
  table: ExportTable,
  format: "csv" | "xlsx",
  baseName: string,
): Promise<ExportFile> {
  const fileName = `${baseName}.${format}`;
  if (format === "csv") {
    return {
      body: Buffer.from(tableToCsv(table), "utf8"),
      contentType: CONTENT_TYPES.csv,
      fileName,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IT-Atlas NRW";
  addTableSheet(workbook, table);
  return { body: await workbookBuffer(workbook), contentType: CONTENT_TYPES.xlsx, fileName };
}

/** The landscape list (filters as /api/landscape) as CSV or XLSX, redacted for the principal. */
export async function exportLandscapeList(
  reader: LandscapeReader,
  filter: ExportFilter,
  principal: Principal,
  format: "csv" | "xlsx",
): Promise<ExportFile> {
  const table = sourcingTable(await visibleLandscape(reader, filter, principal));
  return exportTable(table, format, `it-atlas-bezuege-${filter.asOf}`);
}

/** The whole landscape as one workbook: one sheet per entity and a "Quellen" sheet. */
export async function exportLandscapeWorkbook(
  db: Database,
  reader: LandscapeReader,
  asOf: string,
  principal: Principal,
): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IT-Atlas NRW";
  for (const table of await landscapeWorkbookTables(db, reader, asOf, principal)) {
    addTableSheet(workbook, table);
  }
  return {
    body: await workbookBuffer(workbook),
    contentType: CONTENT_TYPES.xlsx,
    fileName: `it-atlas-landschaft-${asOf}.xlsx`,
  };
}
