import { listKpiSeries } from "@it-atlas/db";
import { KpiFigures, KpiLevel, KpiTrigger, NotFoundError } from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import {
  currentKpis,
  kpiSources,
  redactKpiFigures,
  takeKpiSnapshot,
} from "../services/kpiService.ts";

const TAGS = ["Kennzahlen"];

/** Figures as the viewer sees them: costs null when confidential for this viewer. */
export const KpiFiguresView = KpiFigures.extend({
  runningCost: z.number().nullable(),
  investmentCost: z.number().nullable(),
  costHidden: z.boolean(),
}).meta({ id: "KpiFiguresView" });

const Scope = z.object({
  level: KpiLevel,
  key: z.string().regex(/^05\d{0,6}$/, "muss ein Schlüssel in NRW sein (05…)"),
});

/**
 * Kennzahlen over time: current figures per scope (computed like the snapshots), snapshots on
 * demand, and the series of one scope for the chart.
 */
export function registerKpiRoutes(app: ZodApp, context: AppContext): void {
  const board = context.ozg;
  const sources = kpiSources(context.db, context.landscape, board);

  app.get(
    "/api/kpi/current",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Aktuelle Kennzahlen aller Gebiete einer Ebene (NRW, Regierungsbezirke, Kreise, Kommunen) – dieselbe Berechnung wie die Erfassung",
        querystring: z.object({ level: KpiLevel }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                level: KpiLevel,
                key: z.string(),
                name: z.string(),
                figures: KpiFiguresView,
              }),
            ),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const values = (await currentKpis(sources)).filter(
        (value) => value.level === request.query.level,
      );
      return {
        items: values.map((value) => ({
          level: value.level,
          key: value.key,
          name: value.name,
          figures: redactKpiFigures(request.principal, value.level, value.key, value.figures),
        })),
      };
    },
  );

  app.get(
    "/api/kpi/snapshots",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Zeitreihe der erfassten Kennzahlen eines Gebiets (älteste zuerst)",
        querystring: Scope,
        response: {
          200: z.object({
            level: KpiLevel,
            key: z.string(),
            name: z.string().nullable(),
            points: z.array(
              z.object({
                snapshotId: z.number().int(),
                takenAt: z.string(),
                trigger: KpiTrigger,
                figures: KpiFiguresView,
              }),
            ),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const { level, key } = request.query;
      const series = await listKpiSeries(context.db, level, key);
      return {
        level,
        key,
        name: series.name,
        points: series.points.map((point) => ({
          ...point,
          figures: redactKpiFigures(request.principal, level, key, point.figures),
        })),
      };
    },
  );

  app.post(
    "/api/kpi/snapshots",
    {
      config: { access: { permission: "kpi:snapshot" } },
      schema: {
        tags: TAGS,
        summary:
          "Kennzahlen jetzt erfassen (alle Gebiete; dauert unter einer Sekunde, daher ohne Hintergrundauftrag)",
        response: {
          201: z.object({ id: z.number().int(), scopes: z.number().int() }),
          404: problemResponses[404],
        },
      },
    },
    async (request, reply) => {
      const result = await takeKpiSnapshot(context.db, sources, "on_demand", auditActor(request));
      if (result.scopes === 0)
        throw new NotFoundError(
          "kpi_no_kommunen",
          "Es gibt keine Kommunen, die erfasst werden könnten.",
        );
      return reply.status(201).send(result);
    },
  );
}
