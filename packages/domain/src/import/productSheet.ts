import type { ExportCell } from "../export/sourcingExportRow.ts";
import {
  ProductId,
  ProductLifecycle,
  productLifecycleLabel,
  type Product,
} from "../landscape/Product.ts";
import { provenanceQualityLabel } from "../provenance/Provenance.ts";
import type { SheetSpec } from "./SheetSpec.ts";
import {
  RowProblems,
  splitList,
  textField,
  tooLong,
  type ImportEntitySheet,
  type ImportRowOrigin,
} from "./entitySheet.ts";
import type { ReadRow } from "./readRow.ts";

/** Lebenszyklus choices: code and German label. */
export const PRODUCT_LIFECYCLE_CHOICES = ProductLifecycle.options.map((value) => ({
  value,
  label: productLifecycleLabel[value],
}));

/** What a product import compares and writes. */
export interface ProductContent {
  name: string;
  vendor: string;
  lifecycle: ProductLifecycle;
  description: string | null;
}

/**
 * The "Produkte" sheet: Fachverfahren and platforms by their Kennung, with vendor, lifecycle
 * and the Leistungsbereiche they serve. A new Kennung creates a product.
 */
export const PRODUCT_SHEET: SheetSpec = {
  entity: "products",
  sheet: "Produkte",
  title: "Produkte (Fachverfahren und Plattformen)",
  rowHint:
    "Eine Zeile je Produkt, erkannt an der Kennung; eine neue Kennung legt ein Produkt an, eine vorhandene aktualisiert es.",
  permissionHint: "Nur Administratorinnen und Administratoren.",
  columns: [
    {
      header: "Kennung",
      aliases: ["Produktkennung", "ID"],
      field: "id",
      kind: "text",
      required: true,
      hint: "Kleinbuchstaben, Ziffern und Bindestriche, z. B. ewo-verfahren-a (höchstens 63 Zeichen).",
      example: "ewo-verfahren-a",
      width: 22,
    },
    {
      header: "Name",
      field: "name",
      kind: "text",
      required: true,
      hint: "Name des Fachverfahrens bzw. der Plattform, höchstens 120 Zeichen.",
      example: "Einwohnerverfahren A",
      width: 30,
    },
    {
      header: "Hersteller",
      aliases: ["Anbieter"],
      field: "vendor",
      kind: "text",
      required: true,
      hint: "Hersteller bzw. Anbieter, höchstens 120 Zeichen.",
      example: "Hersteller GmbH",
      width: 24,
    },
    {
      header: "Lebenszyklus",
      field: "lifecycle",
      kind: "choice",
      required: true,
      choices: PRODUCT_LIFECYCLE_CHOICES,
      hint: "aktiv, auslaufend, abgekündigt oder geplant.",
      example: "aktiv",
      width: 14,
    },
    {
      header: "Leistungsbereiche",
      field: "domains",
      kind: "text",
      required: true,
      hint: "Kennungen der Leistungsbereiche, die das Produkt abdeckt, getrennt durch Komma (z. B. einwohnerwesen, personenstandswesen).",
      example: "einwohnerwesen",
      width: 40,
    },
    {
      header: "Beschreibung",
      field: "description",
      kind: "text",
      hint: "Kurze Beschreibung, höchstens 1.000 Zeichen.",
      width: 40,
    },
    {
      header: "Qualität",
      field: "",
      kind: "info",
      hint: "Qualitätsstufe (nur zur Orientierung; Importe werden als „manuell erfasst“ gespeichert).",
      width: 16,
    },
  ],
};

/** A checked row of the "Produkte" sheet; domains still as written. */
export interface ProductImportRow extends ImportRowOrigin {
  id: string;
  domains: string[];
  content: ProductContent;
}

function toProductImportRow(read: ReadRow, sheet: string) {
  // Cells that could not be read are reported, and the row's other checks still run: every
  // problem of the row in one pass (issue 16, defect 5).
  const problems = new RowProblems(sheet, read.row);
  problems.problems.push(...read.problems);
  const values = read.values;
  const id = String(values.id);
  if (typeof values.id === "string" && !ProductId.safeParse(id).success) {
    problems.add(
      "Kennung",
      id,
      "„Kennung“ darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (höchstens 63 Zeichen, beginnend mit Buchstabe oder Ziffer).",
    );
  }
  const text = (field: string, column: string, max: number) => {
    const value = textField(values, field);
    const length = tooLong(value, max);
    if (length) problems.add(column, value, `„${column}“ ${length}.`);
    return value;
  };
  const name = text("name", "Name", 120) ?? "";
  const vendor = text("vendor", "Hersteller", 120) ?? "";
  const description = text("description", "Beschreibung", 1000);
  const domains = splitList(textField(values, "domains"));
  if (new Set(domains).size !== domains.length) {
    problems.add(
      "Leistungsbereiche",
      values.domains,
      "„Leistungsbereiche“ nennt einen Eintrag doppelt.",
    );
  }
  if (problems.problems.length > 0) return { ok: false as const, problems: problems.problems };
  return {
    ok: true as const,
    value: {
      sheet,
      row: read.row,
      id,
      domains,
      content: {
        name,
        vendor,
        lifecycle: values.lifecycle as ProductLifecycle,
        description,
      },
    },
  };
}

/** The "Produkte" sheet with its row check. */
export const PRODUCT_IMPORT: ImportEntitySheet<ProductImportRow> = {
  spec: PRODUCT_SHEET,
  toRow: toProductImportRow,
};

/** A product as a row of the "Produkte" sheet. */
export function toProductExportRow(product: Product): Record<string, ExportCell> {
  return {
    Kennung: product.id,
    Name: product.name,
    Hersteller: product.vendor,
    Lebenszyklus: productLifecycleLabel[product.lifecycle],
    Leistungsbereiche: product.domainIds.join(", "),
    Beschreibung: product.description,
    Qualität: provenanceQualityLabel[product.provenance.quality],
  };
}
