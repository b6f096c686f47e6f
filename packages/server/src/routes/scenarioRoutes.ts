import {
  appendAudit,
  createScenario,
  deleteScenario,
  enqueueJob,
  findLatestScenarioPareto,
  findLatestScenarioResult,
  findScenario,
  listScenarioResults,
  listScenarios,
  listUnknownAssignmentReferences,
  setScenarioTarget,
  updateScenario,
  type Queryable,
} from "@it-atlas/db";
import {
  InputError,
  NotFoundError,
  redactParetoPoints,
  redactScenarioDefinition,
  redactScenarioResult,
  Scenario,
  ScenarioComparison,
  ScenarioDefinition,
  ScenarioPareto,
  ScenarioResult,
  ScenarioSaveInput,
  defaultScenarioDefinition,
  scenarioCostCurvesFromFits,
  type Principal,
  IsoDate,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { SCENARIO_PARETO_JOB_KIND, SCENARIO_SOLVE_JOB_KIND } from "../jobs/scenarioJobs.ts";
import { comparisonPdf, comparisonWorkbook } from "../scenarios/comparisonExport.ts";
import { compareStoredScenarios } from "../scenarios/compareStoredScenarios.ts";
import { AnalysisService } from "../services/analysisService.ts";
import { todayInGermany } from "../services/landscapeService.ts";
import { sendFile } from "./exportRoutes.ts";

const TAGS = ["Szenarien"];
const Params = z.object({ id: z.coerce.number().int().positive() });
const read = { access: { permission: "landscape:read" as const } };
const write = { access: { permission: "scenario:run" as const } };
const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};
const JobStarted = z.object({ jobId: z.number().int() }).meta({ id: "ScenarioJobStarted" });
const DefaultsQuery = z.object({
  baseDate: IsoDate.optional(),
});
const ScenarioDefaults = z
  .object({
    definition: ScenarioDefinition,
    /** True when the viewer may not see every Kommune's costs: no curves then. */
    confidentialHidden: z.boolean(),
  })
  .meta({ id: "ScenarioDefaults" });
const CompareQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+){0,4}$/, "Bitte 1 bis 5 Szenario-Nummern mit Komma getrennt angeben.")
    .transform((value) => [...new Set(value.split(",").map(Number))]),
});

async function getScenario(db: Queryable, id: number): Promise<Scenario> {
  const scenario = await findScenario(db, id);
  if (!scenario) throw new NotFoundError("scenario_not_found", `Es gibt kein Szenario ${id}.`);
  return scenario;
}

/** Refuses hand-made assignments naming unknown Kommunen, domains or providers (400). */
async function checkAssignments(db: Queryable, input: ScenarioSaveInput): Promise<void> {
  const unknown = await listUnknownAssignmentReferences(db, input.assignments);
  if (unknown.length > 0) {
    throw new InputError("scenario_assignment_unknown", unknown.slice(0, 5).join(" "));
  }
}

function userId(principal: Principal): number | null {
  return principal.kind === "user" ? principal.userId : null;
}

/** Scenarios: definition, runs as background jobs, results, comparison with Ist, exports. */
export function registerScenarioRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/scenarios",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Alle Szenarien (Zielbild zuerst) mit dem Stand der letzten Berechnung",
        response: { 200: z.object({ items: z.array(Scenario) }) },
      },
    },
    async (request) => ({
      items: (await listScenarios(context.db)).map((scenario) => ({
        ...scenario,
        definition: redactScenarioDefinition(request.principal, scenario.definition),
      })),
    }),
  );

  // Cost curves are fitted on the rows of IT-Dienstleister: they price a provider's offer.
  const analysis = new AnalysisService(context.db, context.landscape);
  app.get(
    "/api/scenarios/defaults",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Vorgaben für ein neues Szenario mit den Kostenkurven aus der Landkarte",
        description:
          "Die übliche Definition (ganze Landkarte, 5 Jahre, 3 %) mit je Leistungsbereich der an die Bezüge von IT-Dienstleistern angepassten Kostenkurve (Fixkosten + fallende Grenzkosten, mit R² und Kennzeichnung von Demodaten; docs/cost-model.md). Ohne Einsicht in alle Kosten: keine Kurven (`confidentialHidden`).",
        querystring: DefaultsQuery,
        response: { 200: ScenarioDefaults, 400: problemResponses[400] },
      },
    },
    async (request) => {
      const baseDate = request.query.baseDate ?? todayInGermany();
      const fitted = await analysis.costCurves(baseDate, "it_dienstleister", request.principal);
      const definition = defaultScenarioDefinition(baseDate);
      return {
        definition: {
          ...definition,
          costs: {
            ...definition.costs,
            costCurves: scenarioCostCurvesFromFits(fitted.items, baseDate),
          },
        },
        confidentialHidden: fitted.confidentialHidden,
      };
    },
  );

  app.post(
    "/api/scenarios",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Szenario anlegen (Stichtag, Umfang, Kostenparameter, Vorgaben)",
        body: ScenarioSaveInput,
        response: { 201: Scenario, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      await checkAssignments(context.db, request.body);
      const scenario = await context.db.transaction(async (tx) => {
        const id = await createScenario(tx, request.body, actor.authorName);
        const created = await getScenario(tx, id);
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "scenario",
          entityId: String(id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(scenario);
    },
  );

  app.get(
    "/api/scenarios/compare",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Szenarien nebeneinander mit Ist (letzte Berechnung je Szenario)",
        querystring: CompareQuery,
        response: { 200: ScenarioComparison, ...writeProblems },
      },
    },
    async (request) => compareStoredScenarios(context.db, request.query.ids, request.principal),
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/api/scenarios/compare/${format}`,
      {
        config: read,
        schema: {
          tags: TAGS,
          summary: `Vergleich als ${format.toUpperCase()} herunterladen`,
          querystring: CompareQuery,
          response: {
            200: z.string().meta({ description: `${format.toUpperCase()}-Datei` }),
            ...writeProblems,
          },
        },
      },
      async (request, reply) => {
        const comparison = await compareStoredScenarios(
          context.db,
          request.query.ids,
          request.principal,
        );
        const file =
          format === "xlsx" ? await comparisonWorkbook(comparison) : comparisonPdf(comparison);
        return sendFile(reply, file);
      },
    );
  }

  app.get(
    "/api/scenarios/:id",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Ein Szenario mit Definition und von Hand gesetzten Zuordnungen",
        params: Params,
        response: { 200: Scenario, 404: problemResponses[404] },
      },
    },
    async (request) => {
      const scenario = await getScenario(context.db, request.params.id);
      return {
        ...scenario,
        definition: redactScenarioDefinition(request.principal, scenario.definition),
      };
    },
  );

  app.put(
    "/api/scenarios/:id",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Szenario ändern (ersetzt Definition und Zuordnungen)",
        params: Params,
        body: ScenarioSaveInput,
        response: { 200: Scenario, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      await checkAssignments(context.db, request.body);
      return context.db.transaction(async (tx) => {
        const before = await getScenario(tx, request.params.id);
        await updateScenario(tx, request.params.id, request.body, actor.authorName);
        const after = await getScenario(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "scenario",
          entityId: String(request.params.id),
          before,
          after,
        });
        return after;
      });
    },
  );

  app.delete(
    "/api/scenarios/:id",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Szenario mit seinen Ergebnissen löschen",
        params: Params,
        response: { 204: z.null(), 404: problemResponses[404] },
      },
    },
    async (request, reply) => {
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const before = await getScenario(tx, request.params.id);
        await deleteScenario(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: "delete",
          entityType: "scenario",
          entityId: String(request.params.id),
          before,
          after: null,
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/api/scenarios/:id/target",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Als Zielbild markieren (ein anderes Zielbild verliert die Markierung) oder lösen",
        params: Params,
        body: z.object({ isTarget: z.boolean() }).meta({ id: "ScenarioTargetInput" }),
        response: { 200: Scenario, ...writeProblems },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const before = await getScenario(tx, request.params.id);
        await setScenarioTarget(tx, request.params.id, request.body.isTarget, actor.authorName);
        const after = await getScenario(tx, request.params.id);
        await appendAudit(tx, {
          ...actor,
          action: request.body.isTarget ? "mark_target" : "unmark_target",
          entityType: "scenario",
          entityId: String(request.params.id),
          before: { isTarget: before.isTarget },
          after: { isTarget: after.isTarget },
        });
        return after;
      });
    },
  );

  const startJob = (kind: string, action: string) =>
    async function start(request: FastifyRequest, scenarioId: number): Promise<{ jobId: number }> {
      const actor = auditActor(request);
      const jobId = await context.db.transaction(async (tx) => {
        await getScenario(tx, scenarioId);
        const id = await enqueueJob(tx, {
          kind,
          payload: { scenarioId },
          createdBy: userId(request.principal),
          maxAttempts: 2,
        });
        await appendAudit(tx, {
          ...actor,
          action,
          entityType: "scenario",
          entityId: String(scenarioId),
          before: null,
          after: { jobId: id },
        });
        return id;
      });
      return { jobId };
    };
  const solve = startJob(SCENARIO_SOLVE_JOB_KIND, "run");
  const pareto = startJob(SCENARIO_PARETO_JOB_KIND, "pareto");

  app.post(
    "/api/scenarios/:id/run",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary: "Berechnen als Hintergrundauftrag (Fortschritt und Abbruch unter /api/jobs/:id)",
        params: Params,
        response: { 202: JobStarted, 404: problemResponses[404] },
      },
    },
    async (request, reply) => reply.status(202).send(await solve(request, request.params.id)),
  );

  app.post(
    "/api/scenarios/:id/pareto",
    {
      config: write,
      schema: {
        tags: TAGS,
        summary:
          "Pareto-Auswertung (Einsparung gegen Wechsel) unter Wechselbudgets von 0 bis unbegrenzt",
        params: Params,
        response: { 202: JobStarted, 404: problemResponses[404] },
      },
    },
    async (request, reply) => reply.status(202).send(await pareto(request, request.params.id)),
  );

  app.get(
    "/api/scenarios/:id/results",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Berechnungen eines Szenarios (neueste zuerst, ohne Plan)",
        params: Params,
        response: { 200: z.object({ items: z.array(ScenarioResult) }), 404: problemResponses[404] },
      },
    },
    async (request) => {
      await getScenario(context.db, request.params.id);
      const items = await listScenarioResults(context.db, request.params.id);
      return { items: items.map((item) => redactScenarioResult(request.principal, item)) };
    },
  );

  app.get(
    "/api/scenarios/:id/results/latest",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Letzte Berechnung mit Plan (Kosten nur für Berechtigte)",
        params: Params,
        response: { 200: ScenarioResult, 404: problemResponses[404] },
      },
    },
    async (request) => {
      await getScenario(context.db, request.params.id);
      const result = await findLatestScenarioResult(context.db, request.params.id);
      if (!result) {
        throw new NotFoundError(
          "scenario_result_not_found",
          "Das Szenario wurde noch nicht berechnet.",
        );
      }
      return redactScenarioResult(request.principal, result);
    },
  );

  app.get(
    "/api/scenarios/:id/pareto",
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: "Letzte Pareto-Auswertung (Einsparung gegen Zahl der Wechsel)",
        params: Params,
        response: { 200: ScenarioPareto, 404: problemResponses[404] },
      },
    },
    async (request) => {
      await getScenario(context.db, request.params.id);
      const pareto = await findLatestScenarioPareto(context.db, request.params.id);
      if (!pareto) {
        throw new NotFoundError(
          "scenario_pareto_not_found",
          "Für das Szenario gibt es noch keine Pareto-Auswertung.",
        );
      }
      return { ...pareto, points: redactParetoPoints(request.principal, pareto.points) };
    },
  );
}
