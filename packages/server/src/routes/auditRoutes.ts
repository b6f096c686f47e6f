import { listAudit } from "@it-atlas/db";
import { pageSizeUpTo, PageQuery, toCsv } from "@it-atlas/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";

/** An entry of the audit trail as the API shows it. */
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorLabel: z.string(),
    via: z.enum(["ui", "api", "import", "cli", "system"]),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

const AuditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.coerce.number().int().positive().optional(),
});

/** The global audit trail for Administrators (view and CSV export). */
export function registerAuditRoutes(app: ZodApp, context: AppContext): void {
  app.get(
    "/api/audit",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags: ["Verwaltung"],
        summary: "Prüfprotokoll aller Änderungen (neueste zuerst)",
        querystring: AuditQuery.extend({
          page: PageQuery.shape.page,
          pageSize: pageSizeUpTo(500, 50),
        }),
        response: {
          200: z.object({ items: z.array(AuditEntry), total: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      listAudit(context.db, { ...request.query, actorUserId: request.query.actor }),
  );

  app.get(
    "/api/audit.csv",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags: ["Verwaltung"],
        summary: "Prüfprotokoll als CSV (Semikolon, UTF-8 mit BOM)",
        querystring: AuditQuery,
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const rows = [];
      for (let page = 1; ; page += 1) {
        const result = await listAudit(context.db, {
          ...request.query,
          actorUserId: request.query.actor,
          page,
          pageSize: 1000,
        });
        rows.push(...result.items);
        if (page * 1000 >= result.total) break;
      }
      const csv = toCsv(
        [
          { header: "Nr.", value: (row) => row.id },
          { header: "Zeitpunkt (UTC)", value: (row) => row.at },
          { header: "Wer", value: (row) => row.actorLabel },
          { header: "Weg", value: (row) => row.via },
          { header: "Aktion", value: (row) => row.action },
          { header: "Objektart", value: (row) => row.entityType },
          { header: "Objekt", value: (row) => row.entityId },
          {
            header: "Vorher",
            value: (row) => (row.before === null ? "" : JSON.stringify(row.before)),
          },
          {
            header: "Nachher",
            value: (row) => (row.after === null ? "" : JSON.stringify(row.after)),
          },
        ],
        rows,
      );
      const raw = reply as FastifyReply;
      return raw
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="pruefprotokoll.csv"')
        .send(`\uFEFF${csv}`);
    },
  );
}
