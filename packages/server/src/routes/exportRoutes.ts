import { IMPORT_ENTITIES, IsoDate, ServiceDomainId } from "@it-atlas/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { exportArchimate } from "../export/archimateExport.ts";
import {
  CONTENT_TYPES,
  exportLandscapeList,
  exportLandscapeWorkbook,
  exportTable,
  type ExportFile,
} from "../export/exportFiles.ts";
import { entityTable } from "../export/landscapeTables.ts";
import { exportKommunenGeoJson, GeoJsonAttribute } from "../export/geoJsonExport.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { todayInGermany } from "../services/landscapeService.ts";
import { LandscapeScope } from "./landscapeRoutes.ts";

/** Sends a file as a download (RFC 6266 file name, also in UTF-8). */
export function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  const ascii = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return reply
    .type(file.contentType)
    .header("cache-control", "no-store")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.body);
}

const fileResponse = (description: string) => ({
  200: z.string().meta({ description }),
  400: problemResponses[400],
});

/**
 * Downloads of the landscape for the signed-in viewer (confidential figures redacted as in
 * the API): the list as CSV/XLSX with the filters of /api/landscape, the whole landscape as
 * one workbook, Kommunen as GeoJSON and the landscape as an ArchiMate exchange file.
 */
export function registerExportRoutes(app: ZodApp, context: AppContext): void {
  const access = { access: { permission: "landscape:read" as const } };

  app.get(
    "/api/export/landscape",
    {
      config: access,
      schema: {
        tags: ["Export"],
        summary:
          "IT-Landkarte als CSV oder Excel (Filter wie /api/landscape; Spalten der Importvorlage)",
        querystring: LandscapeScope.extend({
          asOf: IsoDate.optional(),
          format: z.enum(["csv", "xlsx"]).default("xlsx"),
        }),
        response: fileResponse("CSV (Semikolon, UTF-8 mit BOM) oder XLSX"),
      },
    },
    async (request, reply) => {
      const { format, asOf, ...scope } = request.query;
      const file = await exportLandscapeList(
        context.landscape,
        { ...scope, asOf: asOf ?? todayInGermany() },
        request.principal,
        format,
      );
      return sendFile(reply, file);
    },
  );

  app.get(
    "/api/export/sheets/:entity",
    {
      config: access,
      schema: {
        tags: ["Export"],
        summary:
          "Ein importierbares Blatt (Kommunen, Produkte, Mitgliedschaften, Angebote, Bezüge) mit den Spalten der Vorlage – zum Bearbeiten und wieder Einlesen",
        params: z.object({ entity: z.enum(IMPORT_ENTITIES) }),
        querystring: z.object({
          asOf: IsoDate.optional(),
          format: z.enum(["csv", "xlsx"]).default("xlsx"),
        }),
        response: fileResponse("CSV (Semikolon, UTF-8 mit BOM) oder XLSX"),
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayInGermany();
      const table = await entityTable(
        context.db,
        context.landscape,
        request.params.entity,
        asOf,
        request.principal,
      );
      return sendFile(
        reply,
        await exportTable(table, request.query.format, `it-atlas-${request.params.entity}-${asOf}`),
      );
    },
  );

  app.get(
    "/api/export/workbook",
    {
      config: access,
      schema: {
        tags: ["Export"],
        summary:
          "Die ganze IT-Landkarte als Excel-Arbeitsmappe (ein Blatt je Objektart, Blatt „Quellen“)",
        querystring: z.object({ asOf: IsoDate.optional() }),
        response: fileResponse("XLSX"),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportLandscapeWorkbook(
          context.db,
          context.landscape,
          request.query.asOf ?? todayInGermany(),
          request.principal,
        ),
      ),
  );

  app.get(
    "/api/export/geojson",
    {
      config: access,
      schema: {
        tags: ["Export"],
        summary:
          "Kommunen als GeoJSON mit gewählten Merkmalen (optional Bezug eines Leistungsbereichs)",
        querystring: z.object({
          level: z.enum(["gemeinde", "kreis"]).default("gemeinde"),
          attributes: z
            .string()
            .default("name,art,einwohner")
            .transform((value) =>
              value
                .split(",")
                .map((part) => part.trim())
                .filter((part) => part !== ""),
            )
            .pipe(z.array(GeoJsonAttribute).max(20)),
          domain: ServiceDomainId.optional(),
          asOf: IsoDate.optional(),
        }),
        response: fileResponse("GeoJSON FeatureCollection (RFC 7946, WGS84)"),
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayInGermany();
      const body = await exportKommunenGeoJson(
        context.db,
        context.landscape,
        { ...request.query, asOf },
        request.principal,
      );
      return sendFile(reply, {
        body: Buffer.from(body, "utf8"),
        contentType: CONTENT_TYPES.geojson,
        fileName: `it-atlas-kommunen-${request.query.level}-${asOf}.geojson`,
      });
    },
  );

  app.get(
    "/api/export/archimate",
    {
      config: access,
      schema: {
        tags: ["Export"],
        summary: "IT-Landkarte im ArchiMate Model Exchange File Format 3.1 (für Archi, ADOIT …)",
        querystring: z.object({ asOf: IsoDate.optional() }),
        response: fileResponse("XML (ArchiMate Exchange Format)"),
      },
    },
    async (request, reply) => {
      const asOf = request.query.asOf ?? todayInGermany();
      const xml = await exportArchimate(context.db, context.landscape, asOf, request.principal);
      return sendFile(reply, {
        body: Buffer.from(xml, "utf8"),
        contentType: CONTENT_TYPES.archimate,
        fileName: `it-atlas-landschaft-${asOf}.xml`,
      });
    },
  );
}
