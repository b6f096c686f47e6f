import { listDataCoverageFacts, listMembershipHistory } from "@it-atlas/db";
import {
  assessDataCoverage,
  Correction,
  DataCoverageRow,
  DEFAULT_STALE_AFTER_MONTHS,
  CorrectionDecision,
  CorrectionInput,
  CorrectionStatus,
  MembershipVersion,
  OrganisationKey,
  ProviderId,
} from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { todayInGermany } from "../services/landscapeService.ts";
import { getOrganisationDetail } from "../services/organisationService.ts";
import {
  decideCorrection,
  getVisibleCorrection,
  listVisibleCorrections,
  proposeCorrection,
} from "../services/correctionService.ts";

const writeProblems = {
  400: problemResponses[400],
  404: problemResponses[404],
  409: problemResponses[409],
};

/**
 * Corrections of public facts (ADR 0022): proposed by a Kommune's or provider's editors with
 * a source, decided by KDN; the history of every membership version.
 */
export function registerCorrectionRoutes(app: ZodApp, context: AppContext): void {
  const TAGS = ["Korrekturen"];
  app.get(
    "/api/corrections",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Korrekturvorschläge (KDN und Administration: alle; sonst die der eigenen Kommune bzw. des eigenen Dienstleisters)",
        querystring: z.object({
          status: CorrectionStatus.optional(),
          organisation: OrganisationKey.optional(),
          provider: ProviderId.optional(),
        }),
        response: { 200: z.object({ items: z.array(Correction) }), 400: problemResponses[400] },
      },
    },
    async (request) => ({
      items: await listVisibleCorrections(context.db, request.principal, {
        status: request.query.status,
        organisationKey: request.query.organisation,
        providerId: request.query.provider,
      }),
    }),
  );

  app.get(
    "/api/corrections/:id",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary: "Ein Korrekturvorschlag mit Quelle und Entscheidung",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: Correction, 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request) => getVisibleCorrection(context.db, request.principal, request.params.id),
  );

  app.post(
    "/api/corrections",
    {
      config: { access: { permission: "corrections:propose" } },
      schema: {
        tags: TAGS,
        summary:
          "Korrektur einer Angabe zur eigenen Kommune oder zum eigenen Dienstleister vorschlagen (mit Quelle)",
        body: CorrectionInput,
        response: { 201: Correction, ...writeProblems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await proposeCorrection(context.db, request.principal, auditActor(request), request.body),
        ),
  );

  app.post(
    "/api/corrections/:id/decision",
    {
      config: { access: { permission: "corrections:decide" } },
      schema: {
        tags: TAGS,
        summary:
          "Korrektur annehmen (wird neue Version der Angabe, die alte bleibt im Verlauf) oder ablehnen, jeweils mit Begründung",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: CorrectionDecision,
        response: { 200: Correction, ...writeProblems },
      },
    },
    async (request) =>
      decideCorrection(
        context.db,
        request.principal,
        auditActor(request),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    "/api/organisations/:ags/membership-history",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Kommunen"],
        summary:
          "Alle Versionen der Mitgliedschaften einer Kommune: aktuelle und frühere, je mit Quelle, gültig von/bis und Erfassungszeit",
        params: z.object({ ags: OrganisationKey }),
        response: {
          200: z.object({ items: z.array(MembershipVersion) }),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      // 404 for an unknown key, as the profile itself.
      await getOrganisationDetail(context.db, request.params.ags);
      return { items: await listMembershipHistory(context.db, request.params.ags) };
    },
  );

  app.get(
    "/api/datenlage",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Kommunen"],
        summary:
          "Datenlage je Gemeinde und Kreis: Anteil der Leistungsbereiche mit Eintrag, Alter des neuesten Belegs, Qualitäten, „veraltet“",
        querystring: z.object({
          staleAfterMonths: z.coerce
            .number()
            .int()
            .min(1)
            .max(240)
            .default(DEFAULT_STALE_AFTER_MONTHS)
            .describe(
              "Ab diesem Alter (Monate) des neuesten Belegs gilt die Datenlage als veraltet",
            ),
        }),
        response: {
          200: z.object({
            today: z.string(),
            staleAfterMonths: z.number().int(),
            items: z.array(DataCoverageRow),
          }),
          400: problemResponses[400],
        },
      },
    },
    async (request) => {
      const today = todayInGermany();
      const { staleAfterMonths } = request.query;
      const facts = await listDataCoverageFacts(context.db);
      return {
        today,
        staleAfterMonths,
        items: facts.items.map((item) =>
          assessDataCoverage(item, { today, staleAfterMonths, domainsTotal: facts.domainsTotal }),
        ),
      };
    },
  );
}
