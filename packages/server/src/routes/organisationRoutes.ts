import { listOrganisations, ORGANISATION_SORT_COLUMNS } from "@it-atlas/db";
import {
  MunicipalityType,
  OrganisationDetail,
  OrganisationKey,
  OrganisationKind,
  OrganisationSummary,
  PageQuery,
  pageOf,
  SortDirection,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import { SearchText } from "../http/SearchText.ts";
import { requestKey } from "../http/responseCache.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { getOrganisationDetail } from "../services/organisationService.ts";

const sortColumns = Object.keys(ORGANISATION_SORT_COLUMNS) as [
  keyof typeof ORGANISATION_SORT_COLUMNS,
  ...Array<keyof typeof ORGANISATION_SORT_COLUMNS>,
];

/** Query of `GET /api/organisations`. */
export const OrganisationListQuery = PageQuery.extend({
  q: SearchText.optional().describe("Suche in Name, Schlüssel (AGS/ARS)"),
  kind: OrganisationKind.optional(),
  kreis: z
    .string()
    .regex(/^05\d{3}$/, "muss ein fünfstelliger Kreisschlüssel sein, z. B. 05766")
    .optional(),
  regierungsbezirk: z
    .string()
    .regex(/^05\d$/, "muss ein dreistelliger Regierungsbezirksschlüssel sein, z. B. 057")
    .optional(),
  type: MunicipalityType.optional().describe("Gemeindetyp (Größenklasse)"),
  sort: z.enum(sortColumns).default("name"),
  direction: SortDirection.default("asc"),
});

/** Organisations: Gemeinden, Kreise, Regierungsbezirke, Landschaftsverbände, Land. */
export function registerOrganisationRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/organisations",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Kommunen"],
        summary: "Kommunen und Gebietskörperschaften suchen, filtern, sortieren",
        querystring: OrganisationListQuery,
        response: { 200: pageOf(OrganisationSummary), 400: problemResponses[400] },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        // Organisations change only with landscape writes (master data import, reorganisation).
        revision: `L${await context.landscape.revision()}`,
        compute: () => {
          const { type, ...query } = request.query;
          return listOrganisations(context.db, { ...query, municipalityType: type });
        },
      }),
  );

  app.get(
    "/api/organisations/:ags",
    {
      config: { access: { permission: "public:read" } },
      schema: {
        tags: ["Kommunen"],
        summary: "Eine Kommune mit Kreis, Regierungsbezirk, Mitgliedschaften und Quellen",
        params: z.object({ ags: OrganisationKey }),
        response: {
          200: OrganisationDetail,
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request, reply) =>
      context.responses.send(request, reply, {
        key: requestKey(request),
        revision: `L${await context.landscape.revision()}`,
        compute: () => getOrganisationDetail(context.db, request.params.ags),
      }),
  );
}
