import {
  appendAudit,
  appendAuditEntries,
  listAdoptionsOf,
  listOzgCatalogue,
  listOzgKommunen,
  listResponsibilityRules,
  listStatusRecordsOf,
  writeStatusRecords,
  type Queryable,
  type StatusWrite,
} from "@it-atlas/db";
import {
  adoptionTemplateCsv,
  ImportResult,
  InputError,
  OrganisationKey,
  responsibilityFor,
  toResponsibilityRules,
  type Adoption,
  type AdoptionTemplateLine,
  type Principal,
} from "@it-atlas/domain";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { checkAdoptionImport, type ImportActor } from "../services/adoptionImportService.ts";
import { todayInGermany } from "../services/landscapeService.ts";

const TAGS = ["OZG-Umsetzung"];
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** An uploaded import file: its name and its bytes as base64. */
const ImportFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  content: z
    .string()
    .max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, "Die Datei ist größer als 10 MB."),
});

function importActor(
  principal: Principal,
  canEdit: (principal: Principal, key: string) => boolean,
): ImportActor {
  return {
    canEdit: (key) => canEdit(principal, key),
    qualityFor: (key) =>
      principal.kind === "user" &&
      principal.roles.some(
        (role) => role.role === "kommune_bearbeiter" && role.organisationKey === key,
      )
        ? "self_reported"
        : "user",
  };
}

const adoptionKey = (record: { organisationKey: string; ozgId: number | null }) =>
  `${record.organisationKey}/${record.ozgId}`;

/** The row says what is recorded already (quality and who/when may differ). */
function unchanged(record: Adoption, write: StatusWrite): boolean {
  return (
    record.status === write.status &&
    (record.onlineService?.id ?? null) === write.onlineServiceId &&
    record.plannedDate === write.plannedDate &&
    record.informationSource === write.informationSource &&
    record.informationDate === write.informationDate &&
    record.note === write.note
  );
}

/**
 * Writes the import's records and one `ozg_adoption` audit entry per new or changed
 * Kommune × Leistung (before/after as the adoption route writes them), so imports show in the
 * Leistung's history. Three statements besides the write, whatever the file's size; the
 * second and third only cover the changed rows.
 */
async function writeWithHistory(
  tx: Queryable,
  writes: StatusWrite[],
  actor: ReturnType<typeof auditActor>,
): Promise<void> {
  const leistungWrites = writes.filter(
    (write): write is StatusWrite & { ozgId: number } => write.ozgId !== null,
  );
  const before = new Map(
    (await listAdoptionsOf(tx, leistungWrites)).map((record) => [adoptionKey(record), record]),
  );
  const changed = leistungWrites.filter((write) => {
    const record = before.get(adoptionKey(write));
    return !record || !unchanged(record, write);
  });
  await writeStatusRecords(tx, writes, actor.authorName);
  const after = await listAdoptionsOf(tx, changed);
  await appendAuditEntries(
    tx,
    after.map((record) => ({
      ...actor,
      via: "import" as const,
      action: "import",
      entityType: "ozg_adoption",
      entityId: adoptionKey(record),
      before: before.get(adoptionKey(record)) ?? null,
      after: record,
    })),
  );
}

function decode(content: string): Uint8Array {
  return new Uint8Array(Buffer.from(content, "base64"));
}

/**
 * Import of adoption status (.xlsx or CSV: preview, then an atomic commit; German problems
 * with row and column) and the template, pre-filled with a Kommune's or region's Leistungen.
 */
export function registerOzgImportRoutes(
  app: ZodApp,
  context: AppContext,
  canEdit: (principal: Principal, key: string) => boolean,
): void {
  app.get(
    "/api/ozg/adoption/template.csv",
    {
      config: { access: { permission: "landscape:read" } },
      schema: {
        tags: TAGS,
        summary:
          "Importvorlage (CSV) für den Umsetzungsstand, vorausgefüllt mit den zuständigen Leistungen und dem aktuellen Stand einer Kommune, eines Kreises oder Regierungsbezirks",
        querystring: z.object({
          ags: OrganisationKey.optional(),
          kreis: z
            .string()
            .regex(/^05\d{3}$/, "muss ein Kreisschlüssel sein")
            .optional(),
          regierungsbezirk: z
            .string()
            .regex(/^05\d$/, "muss ein Regierungsbezirk sein")
            .optional(),
        }),
        response: { 200: z.string(), 400: problemResponses[400] },
      },
    },
    async (request, reply) => {
      const { ags, kreis, regierungsbezirk } = request.query;
      const [kommunen, catalogue, rules] = await Promise.all([
        listOzgKommunen(context.db),
        listOzgCatalogue(context.db),
        listResponsibilityRules(context.db),
      ]);
      const chosen =
        ags || kreis || regierungsbezirk
          ? kommunen.filter(
              (kommune) =>
                (!ags || kommune.key === ags) &&
                (!kreis || kommune.kreisKey === kreis || kommune.key === kreis) &&
                (!regierungsbezirk || kommune.regierungsbezirkKey === regierungsbezirk),
            )
          : [];
      const records = await listStatusRecordsOf(
        context.db,
        chosen.map((kommune) => kommune.key),
      );
      const recordOf = new Map(
        records.map((record) => [
          `${record.organisationKey}/${record.ozgId ?? record.component}`,
          record,
        ]),
      );
      const ruleTable = toResponsibilityRules(rules);
      const lines: AdoptionTemplateLine[] = [];
      for (const kommune of chosen) {
        const line = (
          ozgId: number | null,
          ozgName: string | null,
          component: AdoptionTemplateLine["component"],
        ) => {
          const record = recordOf.get(`${kommune.key}/${ozgId ?? component}`);
          lines.push({
            organisationKey: kommune.key,
            organisationName: kommune.name,
            ozgId,
            ozgName,
            component,
            status: record?.status ?? "offen",
            onlineServiceId: record?.onlineServiceId ?? null,
            plannedDate: record?.plannedDate ?? null,
            informationSource: record?.informationSource ?? null,
            informationDate: record?.informationDate ?? todayInGermany(),
            note: record?.note ?? null,
          });
        };
        for (const component of ["servicekonto", "epayment", "xta", "formular"] as const)
          line(null, null, component);
        for (const leistung of catalogue) {
          const recorded = recordOf.get(`${kommune.key}/${leistung.id}`)?.status;
          if (
            responsibilityFor(leistung, kommune.type, ruleTable, recorded).responsible ||
            recorded
          ) {
            line(leistung.id, leistung.name, null);
          }
        }
      }
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="ozg-umsetzung-vorlage.csv"')
        .send(`\uFEFF${adoptionTemplateCsv(lines)}`);
    },
  );

  app.post(
    "/api/ozg/adoption/import/preview",
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { access: { permission: "adoption:import" } },
      schema: {
        tags: TAGS,
        summary:
          "Import des Umsetzungsstands prüfen (Excel .xlsx oder CSV, Base64): neue, geänderte und unveränderte Angaben, Fehler mit Zeile und Spalte – es wird nichts gespeichert",
        body: ImportFile,
        response: { 200: ImportResult, 400: problemResponses[400] },
      },
    },
    async (request) =>
      (
        await checkAdoptionImport(
          context.db,
          decode(request.body.content),
          request.body.fileName,
          importActor(request.principal, canEdit),
        )
      ).result,
  );

  app.post(
    "/api/ozg/adoption/import",
    {
      bodyLimit: 15 * 1024 * 1024,
      config: { access: { permission: "adoption:import" } },
      schema: {
        tags: TAGS,
        summary:
          "Import des Umsetzungsstands übernehmen: alles oder nichts – bei einem Fehler wird nichts gespeichert",
        body: ImportFile,
        response: { 200: ImportResult, 400: problemResponses[400] },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      return context.db.transaction(async (tx) => {
        const checked = await checkAdoptionImport(
          tx,
          decode(request.body.content),
          request.body.fileName,
          importActor(request.principal, canEdit),
        );
        const { result } = checked;
        if (result.problemCount > 0) {
          throw new InputError(
            "import_invalid",
            `Die Datei enthält ${result.problemCount} Fehler; es wurde nichts übernommen.`,
            result.problems.slice(0, 100).map((problem) => ({
              field:
                [problem.row === null ? null : `Zeile ${problem.row}`, problem.column]
                  .filter(Boolean)
                  .join(", ") || "Datei",
              message: problem.message,
            })),
          );
        }
        await writeWithHistory(tx, checked.writes, actor);
        await appendAudit(tx, {
          ...actor,
          via: "import",
          action: "import",
          entityType: "ozg_adoption_import",
          entityId: request.body.fileName,
          before: null,
          after: { counts: result.counts, rows: checked.writes.length },
        });
        return { ...result, committed: true };
      });
    },
  );
}
