import { parseLeikaTypes } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { blankToNull, readCsv } from "./readCsv.ts";
import { upsertClause } from "./upsertClause.ts";

/** Seeds the OZG catalogue (Themenfelder, Lebenslagen, OZG- and LeiKa-Leistungen). */
export async function seedOzg(tx: Queryable, directory: string): Promise<void> {
  const [themenfelder, lebenslagen, leistungen, leika] = await Promise.all([
    readCsv(directory, "ozg_themenfelder.csv"),
    readCsv(directory, "ozg_lebenslagen.csv"),
    readCsv(directory, "ozg_leistungen.csv"),
    readCsv(directory, "ozg_leika_leistungen.csv"),
  ]);
  await insertRows(
    tx,
    "ozg_themenfeld",
    ["id", "name"],
    themenfelder.map((row) => [Number(row.themenfeld_id), row.name]),
    upsertClause("id", ["id", "name"]),
  );
  const lebenslageColumns = ["id", "name", "themenfeld_id"];
  await insertRows(
    tx,
    "ozg_lebenslage",
    lebenslageColumns,
    lebenslagen.map((row) => [Number(row.lebenslage_id), row.name, Number(row.themenfeld_id)]),
    upsertClause("id", lebenslageColumns),
  );
  const leistungColumns = [
    "id",
    "name",
    "lebenslage_id",
    "leika_types",
    "sdg_relevant_count",
    "source_id",
  ];
  await insertRows(
    tx,
    "ozg_leistung",
    leistungColumns,
    leistungen.map((row) => [
      Number(row.ozg_id),
      row.name,
      Number(row.lebenslage_id),
      parseLeikaTypes(row.leika_types ?? ""),
      Number(row.sdg_relevant_count ?? 0),
      "S5",
    ]),
    upsertClause("id", leistungColumns),
  );
  const leikaColumns = [
    "id",
    "leika_key",
    "name",
    "ozg_id",
    "leika_types",
    "leika_type_text",
    "sdg1",
    "sdg2",
    "law_shortcuts",
    "source_id",
  ];
  // The source has no row ids; the line number is the stable id within this data version.
  await insertRows(
    tx,
    "leika_leistung",
    leikaColumns,
    leika.map((row, index) => {
      const key = blankToNull(row.leika_key);
      return [
        index + 1,
        key && /^\d+$/.test(key) ? key : null,
        row.name,
        row.ozg_id ? Number(row.ozg_id) : null,
        parseLeikaTypes(row.leika_type ?? ""),
        blankToNull(row.leika_type),
        row.sdg1 === "1",
        row.sdg2 === "1",
        blankToNull(row.law_shortcuts),
        "S5",
      ];
    }),
    upsertClause("id", leikaColumns),
  );
}
