import { writeFile } from "node:fs/promises";
import { isCalendarDate } from "@it-atlas/domain";
import {
  exportArchimate,
  exportKommunenGeoJson,
  exportLandscapeList,
  exportLandscapeWorkbook,
  GeoJsonAttribute,
  LandscapeReader,
  todayInGermany,
} from "@it-atlas/server";
import { CLI_PRINCIPAL, option } from "./cliActor.ts";
import type { Command } from "./Command.ts";

const FORMATS = ["xlsx", "csv", "geojson", "archimate"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `atlas export --format xlsx|csv|geojson|archimate --out FILE [--as-of JJJJ-MM-TT]`:
 * xlsx is the whole landscape (one sheet per entity, Quellen), csv the sourcing list,
 * geojson the Gemeinden (--level kreis, --attributes name,einwohner,…, --domain id),
 * archimate the ArchiMate 3.1 exchange file.
 */
export const exportCommand: Command = {
  name: "export",
  summary:
    "Landschaft exportieren: --format xlsx|csv|geojson|archimate --out DATEI [--as-of JJJJ-MM-TT]",
  async run(db, args, output) {
    const format = option(args, "--format") as Format | undefined;
    const out = option(args, "--out");
    if (!format || !FORMATS.includes(format) || !out) {
      output.err(
        "Aufruf: npm run atlas -- export --format xlsx|csv|geojson|archimate --out DATEI [--as-of JJJJ-MM-TT]",
      );
      return 2;
    }
    const asOf = option(args, "--as-of") ?? todayInGermany();
    if (!isCalendarDate(asOf)) {
      output.err(`--as-of muss ein Datum JJJJ-MM-TT sein, nicht „${asOf}“.`);
      return 2;
    }
    const reader = new LandscapeReader(db);
    let body: Buffer;
    switch (format) {
      case "xlsx":
        body = (await exportLandscapeWorkbook(db, reader, asOf, CLI_PRINCIPAL)).body;
        break;
      case "csv":
        body = (await exportLandscapeList(reader, { asOf }, CLI_PRINCIPAL, "csv")).body;
        break;
      case "geojson": {
        const attributes = GeoJsonAttribute.array().safeParse(
          (option(args, "--attributes") ?? "name,art,einwohner").split(","),
        );
        if (!attributes.success) {
          output.err(`--attributes: erlaubt sind ${GeoJsonAttribute.options.join(", ")}.`);
          return 2;
        }
        const level = option(args, "--level") === "kreis" ? "kreis" : "gemeinde";
        body = Buffer.from(
          await exportKommunenGeoJson(
            db,
            reader,
            { level, attributes: attributes.data, domain: option(args, "--domain"), asOf },
            CLI_PRINCIPAL,
          ),
          "utf8",
        );
        break;
      }
      case "archimate":
        body = Buffer.from(await exportArchimate(db, reader, asOf, CLI_PRINCIPAL), "utf8");
        break;
    }
    await writeFile(out, body);
    output.out(
      `${out} geschrieben (${new Intl.NumberFormat("de-DE").format(body.byteLength)} Bytes, Stand ${asOf}).`,
    );
    return 0;
  },
};
