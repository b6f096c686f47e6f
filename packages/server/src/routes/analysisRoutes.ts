import {
  DomainAnalysis,
  DomainCostCurve,
  FragmentationOverview,
  OperatingModel,
  Provider,
  ProviderId,
  ProviderScale,
  ServiceDomain,
  ServiceDomainId,
  IsoDate,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { AnalysisService } from "../services/analysisService.ts";
import { todayInGermany } from "../services/landscapeService.ts";

const AsOfQuery = z.object({ asOf: IsoDate.optional() });
const CurveQuery = AsOfQuery.extend({ operatingModel: OperatingModel.optional() });

const HIDDEN_NOTE =
  "Wer nicht alle Kosten sehen darf (nur KDN-Analyse und Administration), erhält Anzahlen, Anteile und Herfindahl-Index, aber keine Kosten und keine absoluten Mengen (`confidentialHidden: true`).";

/** Read-only consolidation analyses: fragmentation, domain drill-down, fitted cost curves. */
export function registerAnalysisRoutes(app: ZodApp, context: AppContext): void {
  const analysis = new AnalysisService(context.db, context.landscape);

  app.get(
    "/api/analysis/fragmentation",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["Konsolidierungsanalyse"],
        summary:
          "Fragmentierung der IT-Landschaft NRW zum Stichtag: je Leistungsbereich Anbieter, Herfindahl-Index, Kosten je Einheit; je Kommune die Zahl ihrer Anbieter",
        description: `Herfindahl-Index auf der Skala 0..1 über Mengenanteile der Betreiber (jeder eigene Betrieb zählt als eigener Betreiber); Fragmentierungsindex = Mittel von 1 − HHI über die Leistungsbereiche. ${HIDDEN_NOTE}`,
        querystring: AsOfQuery,
        response: {
          200: FragmentationOverview.extend({
            asOf: z.string(),
            confidentialHidden: z.boolean(),
          }).meta({ id: "FragmentationResponse" }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInGermany();
      return { ...(await analysis.fragmentation(asOf, request.principal)), asOf };
    },
  );

  app.get(
    "/api/analysis/domains/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["Konsolidierungsanalyse"],
        summary:
          "Ein Leistungsbereich im Detail: Größe jedes Anbieters, eigener Betrieb, Konzentration, Kosten je Einheit",
        description: HIDDEN_NOTE,
        params: z.object({ id: ServiceDomainId }),
        querystring: AsOfQuery,
        response: {
          200: DomainAnalysis.extend({
            domain: ServiceDomain,
            asOf: z.string(),
            confidentialHidden: z.boolean(),
          }).meta({ id: "DomainAnalysisResponse" }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInGermany();
      return {
        ...(await analysis.domain(request.params.id, asOf, request.principal)),
        asOf,
      };
    },
  );

  app.get(
    "/api/analysis/providers/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["Konsolidierungsanalyse"],
        summary:
          "Größe eines IT-Dienstleisters je Leistungsbereich: Kommunen, Menge, Mengenanteil, laufende Kosten",
        description: HIDDEN_NOTE,
        params: z.object({ id: ProviderId }),
        querystring: AsOfQuery,
        response: {
          200: z
            .object({
              provider: Provider,
              asOf: z.string(),
              /** Kommunen served in any domain. */
              kommunen: z.number().int(),
              items: z.array(ProviderScale),
              confidentialHidden: z.boolean(),
            })
            .meta({ id: "ProviderAnalysisResponse" }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInGermany();
      return { ...(await analysis.provider(request.params.id, asOf, request.principal)), asOf };
    },
  );

  app.get(
    "/api/analysis/cost-curves",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["Konsolidierungsanalyse"],
        summary:
          "Angepasste Kostenkurven (Fixkosten + fallende Grenzkosten) je Leistungsbereich mit Unsicherheit",
        description: `Konkave stückweise lineare Kurve der laufenden Kosten über der Menge, kleinste Quadrate mit nicht steigenden Steigungen, Bootstrap-Band (docs/cost-model.md). Die Segmente haben die Form der Szenario-Angebote (fixedCost, segments[upTo, costPerUnit]). ${HIDDEN_NOTE}`,
        querystring: CurveQuery,
        response: {
          200: z
            .object({
              asOf: z.string(),
              items: z.array(DomainCostCurve),
              confidentialHidden: z.boolean(),
            })
            .meta({ id: "CostCurvesResponse" }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInGermany();
      return {
        ...(await analysis.costCurves(asOf, request.query.operatingModel, request.principal)),
        asOf,
      };
    },
  );

  app.get(
    "/api/analysis/cost-curves/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["Konsolidierungsanalyse"],
        summary:
          "Kostenkurve eines Leistungsbereichs mit den Datenpunkten (Menge, laufende Kosten)",
        description: HIDDEN_NOTE,
        params: z.object({ id: ServiceDomainId }),
        querystring: CurveQuery,
        response: {
          200: z
            .object({
              domain: ServiceDomain,
              asOf: z.string(),
              curve: DomainCostCurve.nullable(),
              points: z.array(z.object({ volume: z.number(), cost: z.number() })),
              confidentialHidden: z.boolean(),
            })
            .meta({ id: "CostCurveResponse" }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInGermany();
      return {
        ...(await analysis.costCurve(
          request.params.id,
          asOf,
          request.query.operatingModel,
          request.principal,
        )),
        asOf,
      };
    },
  );
}
