import { findOzgLeistung, listAdoptionHistory } from "@it-atlas/db";
import {
  can,
  NotFoundError,
  OrganisationKey,
  OzgAdoptionHistoryEntry,
  PageQuery,
  pageOf,
  type Principal,
} from "@it-atlas/domain";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/**
 * Who changed an entry is a person's e-mail address: shown to those who may read the audit
 * log or edit that Kommune's adoption, hidden from everyone else who may read the landscape.
 */
function mayShowAuthor(principal: Principal, organisationKey: string): boolean {
  return can(principal, "audit:read") || can(principal, "adoption:edit", { organisationKey });
}

/** Adoption history of one OZG-Leistung across Kommunen, from the audit log. */
export function registerOzgAdoptionHistoryRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/ozg/leistungen/:ozgId/adoption-history",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: ["OZG-Umsetzung"],
        summary:
          "Verlauf der Umsetzung einer OZG-Leistung: Änderungen des Umsetzungsstands je Kommune (erfasst oder importiert), neueste zuerst",
        params: z.object({ ozgId: z.coerce.number().int().positive() }),
        querystring: PageQuery.extend({ kommune: OrganisationKey.optional() }),
        response: {
          200: pageOf(OzgAdoptionHistoryEntry),
          400: problemResponses[400],
          404: problemResponses[404],
        },
      },
    },
    async (request) => {
      const { ozgId } = request.params;
      if (!(await findOzgLeistung(context.db, ozgId))) {
        throw new NotFoundError(
          "ozg_leistung_not_found",
          `Die OZG-Leistung ${ozgId} wurde nicht gefunden.`,
        );
      }
      const { kommune, page, pageSize } = request.query;
      const history = await listAdoptionHistory(context.db, {
        ozgId,
        organisationKey: kommune,
        page,
        pageSize,
      });
      return {
        total: history.total,
        items: history.items.map((entry) => ({
          ...entry,
          changedBy: mayShowAuthor(request.principal, entry.organisationKey)
            ? entry.changedBy
            : null,
        })),
      };
    },
  );
}
