import {
  listProducts,
  lockMasterDataForImport,
  upsertProducts,
  type ProductImportWrite,
} from "@it-atlas/db";
import {
  can,
  cellText,
  comparable,
  PRODUCT_IMPORT,
  splitList,
  type ImportProblem,
  type Product,
  type ProductImportRow,
} from "@it-atlas/domain";
import {
  duplicateRow,
  emptyCounts,
  entityPlan,
  type CheckedChanges,
  type EntityImporter,
  type ImportContext,
} from "./EntityImporter.ts";

/**
 * Products (Fachverfahren, platforms) by Kennung: new ones are created, others updated;
 * administrators only. Products of the file count as known for the offers and Bezüge of the
 * same file.
 */
export const productImporter: EntityImporter<ProductImportRow> = {
  sheet: PRODUCT_IMPORT,
  async plan(db, rows, context) {
    const checked = checkProducts(rows, await listProducts(db), context);
    for (const change of checked.changes) {
      const reference = {
        id: change.id,
        name: change.name,
        vendor: change.vendor,
        domainIds: change.domainIds,
      };
      context.index.products.set(comparable(change.name), reference);
      context.index.products.set(comparable(change.id), reference);
    }
    return entityPlan(checked, {
      lock: (tx) => lockMasterDataForImport(tx, ["product"]),
      recheck: async (tx) => checkProducts(rows, await listProducts(tx), context),
      write: (tx, changes) => upsertProducts(tx, changes, context.reason),
    });
  },
  referenceProblems(rows, context) {
    const problems: ImportProblem[] = [];
    for (const row of rows) {
      const written = typeof row.values.domains === "string" ? row.values.domains : null;
      checkProductDomains(row, splitList(written), context, problems);
    }
    return problems;
  },
};

/** Resolves a row's Leistungsbereiche; an unknown one or a group is a problem of the row. */
function checkProductDomains(
  origin: { sheet: string; row: number },
  written: readonly string[],
  context: ImportContext,
  problems: ImportProblem[],
): string[] {
  const domainIds: string[] = [];
  for (const entry of written) {
    const domain = context.index.domains.get(comparable(entry));
    if (!domain || domain.isGroup) {
      problems.push({
        sheet: origin.sheet,
        row: origin.row,
        column: "Leistungsbereiche",
        value: entry,
        message: domain
          ? `„${domain.name}“ ist eine Gruppe; bitte einzelne Leistungsbereiche angeben.`
          : `Es gibt keinen Leistungsbereich „${entry}“ (Liste im Blatt „Werte“ der Vorlage).`,
      });
    } else {
      domainIds.push(domain.id);
    }
  }
  return domainIds;
}

function sameProduct(stored: Product, wanted: ProductImportWrite): boolean {
  return (
    cellText(stored.name) === wanted.name &&
    cellText(stored.vendor) === wanted.vendor &&
    stored.lifecycle === wanted.lifecycle &&
    cellText(stored.description) === wanted.description &&
    [...stored.domainIds].sort().join(",") === [...wanted.domainIds].sort().join(",")
  );
}

function checkProducts(
  rows: readonly ProductImportRow[],
  stored: readonly Product[],
  context: ImportContext,
): CheckedChanges<ProductImportWrite> {
  const counts = emptyCounts();
  const problems: ImportProblem[] = [];
  const changes: ProductImportWrite[] = [];
  const byId = new Map(stored.map((product) => [product.id, product]));
  const seen = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = [];
    const earlier = seen.get(row.id);
    if (earlier !== undefined) {
      rowProblems.push(duplicateRow(row, earlier, "Kennung", row.id, "dasselbe Produkt"));
    }
    seen.set(row.id, row.row);
    const domainIds = checkProductDomains(row, row.domains, context, rowProblems);
    if (rowProblems.length > 0) {
      counts.invalid += 1;
      problems.push(...rowProblems);
      continue;
    }
    const wanted: ProductImportWrite = { id: row.id, domainIds, ...row.content };
    const current = byId.get(row.id);
    if (current && sameProduct(current, wanted)) {
      counts.unchanged += 1;
      continue;
    }
    if (!can(context.principal, "masterdata:edit")) {
      counts.invalid += 1;
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: "Kennung",
        value: row.id,
        message:
          "Sie dürfen Produkte nicht anlegen oder ändern; den Produktkatalog pflegen nur Administratorinnen und Administratoren.",
      });
      continue;
    }
    counts[current ? "changed" : "new"] += 1;
    changes.push(wanted);
  }
  return { counts, problems, changes };
}
