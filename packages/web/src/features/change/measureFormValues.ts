import { expertRoleLabel } from "@it-atlas/domain";
import type { CsvColumn } from "@it-atlas/domain";
import { formatIsoDate } from "../../ui/format.ts";
import type { Measure, MeasureWrite } from "./changeQueries.ts";

/** German labels of measure statuses. */
export const STATUS_LABEL: Record<Measure["status"], string> = {
  geplant: "geplant",
  in_arbeit: "in Arbeit",
  blockiert: "blockiert",
  erledigt: "erledigt",
  verworfen: "verworfen",
};

/** German labels of expert roles in a measure team (the same roles as the Expertenverzeichnis). */
export const EXPERT_ROLE_LABEL = expertRoleLabel;

/** The measure form as text fields (what the inputs hold). */
export interface MeasureFormValues {
  title: string;
  description: string;
  status: Measure["status"];
  startDate: string;
  dueDate: string;
  ownerUserId: string;
  kommuneKeys: string;
  domainIds: string[];
  providerIds: string[];
  scenarioId: string;
  wave: string;
  team: Array<{ userId: string; expertRole: Measure["team"][number]["expertRole"] }>;
}

/** Empty form for a new measure. */
export const EMPTY_MEASURE_FORM: MeasureFormValues = {
  title: "",
  description: "",
  status: "geplant",
  startDate: "",
  dueDate: "",
  ownerUserId: "",
  kommuneKeys: "",
  domainIds: [],
  providerIds: [],
  scenarioId: "",
  wave: "",
  team: [],
};

/** A saved measure as form values. */
export function toFormValues(measure: Measure): MeasureFormValues {
  return {
    title: measure.title,
    description: measure.description ?? "",
    status: measure.status,
    startDate: measure.startDate ?? "",
    dueDate: measure.dueDate ?? "",
    ownerUserId: measure.owner ? String(measure.owner.id) : "",
    kommuneKeys: measure.kommunen.map((kommune) => kommune.key).join(", "),
    domainIds: measure.domains.map((domain) => domain.id),
    providerIds: measure.providers.map((provider) => provider.id),
    scenarioId: measure.scenarioId ?? "",
    wave: measure.wave === null ? "" : String(measure.wave),
    team: measure.team.map((member) => ({
      userId: String(member.userId),
      expertRole: member.expertRole,
    })),
  };
}

/**
 * Form values as the API body; keeps what the form does not edit (strategy link, one-off
 * cost) from the saved measure. Kommunen are entered as AGS/Kreisschlüssel separated by
 * commas, spaces or semicolons.
 */
export function toMeasureWrite(values: MeasureFormValues, saved?: Measure): MeasureWrite {
  const wave = Number(values.wave);
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    status: values.status,
    startDate: values.startDate || null,
    dueDate: values.dueDate || null,
    ownerUserId: values.ownerUserId ? Number(values.ownerUserId) : null,
    kommuneKeys: [
      ...new Set(
        values.kommuneKeys
          .split(/[\s,;]+/)
          .map((key) => key.trim())
          .filter(Boolean),
      ),
    ],
    domainIds: values.domainIds,
    providerIds: values.providerIds,
    scenarioId: values.scenarioId.trim() || null,
    wave: values.wave.trim() && Number.isInteger(wave) ? wave : null,
    team: values.team
      .filter((member) => member.userId)
      .map((member) => ({ userId: Number(member.userId), expertRole: member.expertRole })),
    strategyId: saved?.strategyId ?? null,
    strategyDomainId: saved?.strategyDomainId ?? null,
    oneOffCost: saved?.oneOffCost ?? null,
  };
}

/** Schedule flags as words (never colour alone). */
export function scheduleFlags(measure: Pick<Measure, "overdue" | "blocked">): string[] {
  return [...(measure.overdue ? ["überfällig"] : []), ...(measure.blocked ? ["blockiert"] : [])];
}

/** Columns of the CSV export of the measure list. */
export const MEASURE_CSV_COLUMNS: ReadonlyArray<CsvColumn<Measure>> = [
  { header: "Nr.", value: (row) => row.id },
  { header: "Titel", value: (row) => row.title },
  { header: "Status", value: (row) => STATUS_LABEL[row.status] },
  { header: "Hinweise", value: (row) => scheduleFlags(row).join(", ") },
  { header: "Beginn", value: (row) => formatIsoDate(row.startDate) },
  { header: "Fällig", value: (row) => formatIsoDate(row.dueDate) },
  { header: "Welle", value: (row) => row.wave },
  { header: "Verantwortlich", value: (row) => row.owner?.name ?? "" },
  { header: "Leistungsbereiche", value: (row) => row.domains.map((d) => d.name).join(", ") },
  { header: "IT-Dienstleister", value: (row) => row.providers.map((p) => p.name).join(", ") },
  { header: "Kommunen", value: (row) => row.kommunen.map((k) => k.name).join(", ") },
  { header: "Szenario", value: (row) => row.scenarioId ?? "" },
  { header: "Einmalkosten (EUR)", value: (row) => row.oneOffCost },
];
