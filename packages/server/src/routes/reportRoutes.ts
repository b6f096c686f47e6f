import { KpiLevel, OrganisationKey } from "@it-atlas/domain";
import { z } from "zod";
import { kommuneProfilePdf, landscapeReportPdf, progressReportPdf } from "../export/reportPdfs.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { kpiSources } from "../services/kpiService.ts";
import {
  kommuneProfileData,
  landscapeReportData,
  progressReportData,
} from "../services/reportService.ts";
import { sendFile } from "./exportRoutes.ts";

const TAGS = ["Berichte"];
const Key = z.string().regex(/^05\d{0,6}$/, "muss ein Schlüssel in NRW sein (05…)");
const pdfResponse = {
  200: z.string().meta({ description: "PDF-Dokument" }),
  400: problemResponses[400],
  404: problemResponses[404],
};

/**
 * Reports as accessible PDF (title shown, language de-DE, text extractable), generated on the
 * server from the same service functions as the Kennzahlen page. They take well under a second
 * for a Kreis and about a second for NRW, so they are answered directly, not as jobs.
 */
export function registerReportRoutes(app: ZodApp, context: AppContext): void {
  const sources = kpiSources(context.db, context.landscape, context.ozg);

  app.get(
    "/api/reports/landscape",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Landschaftsbericht (PDF) für NRW, einen Regierungsbezirk oder einen Kreis: Karte, Kennzahlen, Fragmentierung, OZG-Stand, Bezug je Leistungsbereich, Quellen",
        querystring: z.object({
          level: z.enum(["nrw", "regierungsbezirk", "kreis"]),
          key: Key.default("05"),
        }),
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { level, key } = request.query;
      const data = await landscapeReportData(sources, request.principal, level, key);
      return sendFile(reply, {
        body: landscapeReportPdf(data),
        contentType: "application/pdf",
        fileName: `landschaftsbericht-${key}.pdf`,
      });
    },
  );

  app.get(
    "/api/reports/kommunen/:ags",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Kommunenprofil (PDF): Merkmale, OZG-Stand, Bezug je Leistungsbereich, Quellen",
        params: z.object({ ags: OrganisationKey }),
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const data = await kommuneProfileData(sources, request.principal, request.params.ags);
      return sendFile(reply, {
        body: kommuneProfilePdf(data),
        contentType: "application/pdf",
        fileName: `kommunenprofil-${request.params.ags}.pdf`,
      });
    },
  );

  app.get(
    "/api/reports/progress",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Fortschrittsbericht des Veränderungsprozesses (PDF): Kennzahlen über die Zeit",
        querystring: z.object({ level: KpiLevel, key: Key }),
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { level, key } = request.query;
      const data = await progressReportData(context.db, request.principal, level, key);
      return sendFile(reply, {
        body: progressReportPdf(data),
        contentType: "application/pdf",
        fileName: `fortschrittsbericht-${key}.pdf`,
      });
    },
  );
}
