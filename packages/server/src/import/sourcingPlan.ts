import {
  prepareSourcingImport,
  type ChangeContext,
  type ImportReferences,
  type SourcingContent,
  type SourcingImportWrites,
  type SourcingVersionRecord,
} from "@it-atlas/db";
import {
  can,
  comparable,
  type ImportCounts,
  type ImportFieldChange,
  type ImportProblem,
  MAX_REPORTED_PROBLEMS,
  type Principal,
  operatingModelLabel,
  type OperatingModel,
  type SourcingContentField,
  type SourcingImportRow,
} from "@it-atlas/domain";
import { decodeChunks, encodeChunks } from "../workers/chunkedClone.ts";

/** A checked row of a sourcing import and what it does to the landscape. */
export interface PlannedSourcing {
  sheet: string;
  row: number;
  organisationKey: string;
  domainId: string;
  validFrom: string;
  content: SourcingContent;
  note: string | null;
  status: "new" | "changed" | "unchanged";
  quality: ChangeContext["quality"];
}

/** The outcome of checking sourcing rows against the database. */
export interface SourcingPlan {
  /** Valid rows in application order (per Kommune and domain by "Gültig ab"). */
  rows: PlannedSourcing[];
  problems: ImportProblem[];
  counts: ImportCounts;
  /** Every value a changed row would change, field by field (also values it would clear). */
  fieldChanges: ImportFieldChange[];
}

/** Lookups by key, ARS, id or name (case and spacing ignored). */
export class ReferenceIndex {
  readonly organisations = new Map<string, ImportReferences["organisations"][number]>();
  readonly domains = new Map<string, ImportReferences["domains"][number]>();
  readonly providers = new Map<string, ImportReferences["providers"][number]>();
  readonly products = new Map<string, ImportReferences["products"][number]>();

  constructor(readonly references: ImportReferences) {
    for (const organisation of references.organisations) {
      if (organisation.ars) this.organisations.set(organisation.ars, organisation);
    }
    for (const organisation of references.organisations) {
      this.organisations.set(organisation.key, organisation);
    }
    // Names first, ids last: an id always wins over a name that happens to look like it.
    for (const domain of references.domains) this.domains.set(comparable(domain.name), domain);
    for (const domain of references.domains) this.domains.set(comparable(domain.id), domain);
    for (const provider of references.providers) {
      this.providers.set(comparable(provider.shortName), provider);
    }
    for (const provider of references.providers)
      this.providers.set(comparable(provider.id), provider);
    for (const product of references.products) this.products.set(comparable(product.name), product);
    for (const product of references.products) this.products.set(comparable(product.id), product);
  }
}

const CONFIDENTIAL: Array<keyof SourcingContent> = [
  "runningCost",
  "investmentCost",
  "volume",
  "contractEnd",
  "satisfaction",
];

/** Same content: amounts compared to the cent (the database keeps two decimals). */
export function sameContent(a: SourcingContent, b: SourcingContent): boolean {
  const sameAmount = (x: number | null, y: number | null) =>
    x === null || y === null ? x === y : Math.abs(x - y) < 0.005;
  return (
    a.operatingModel === b.operatingModel &&
    a.providerId === b.providerId &&
    a.partnerKey === b.partnerKey &&
    a.productId === b.productId &&
    sameAmount(a.runningCost, b.runningCost) &&
    sameAmount(a.investmentCost, b.investmentCost) &&
    sameAmount(a.volume, b.volume) &&
    a.contractEnd === b.contractEnd &&
    a.satisfaction === b.satisfaction
  );
}

interface TimelineVersion {
  validFrom: string;
  validTo: string | null;
  content: SourcingContent;
  id: number | null;
}

type Resolved =
  | { ok: true; organisationKey: string; domainId: string; content: SourcingContent }
  | { ok: false; problems: ImportProblem[] };

/**
 * Checks a row's Kommune (exists, may be edited by the principal) and Leistungsbereich (exists,
 * not a group); a null reference (unreadable or missing cell) is left to the sheet check.
 */
export function checkSourcingKeys(
  origin: { sheet: string; row: number },
  keys: { organisationKey: string | null; domain: string | null },
  index: ReferenceIndex,
  principal: Principal,
  problems: ImportProblem[],
) {
  const problem = (column: string, value: string | null, message: string) =>
    problems.push({ sheet: origin.sheet, row: origin.row, column, value, message });
  const organisation =
    keys.organisationKey === null ? undefined : index.organisations.get(keys.organisationKey);
  if (keys.organisationKey === null) {
    // Reported by the sheet check.
  } else if (!organisation || (organisation.kind !== "gemeinde" && organisation.kind !== "kreis")) {
    problem(
      "AGS",
      keys.organisationKey,
      `Es gibt keine Kommune mit dem Schlüssel „${keys.organisationKey}“.`,
    );
  } else if (!can(principal, "sourcing:edit", { organisationKey: organisation.key })) {
    problem(
      "AGS",
      keys.organisationKey,
      `Sie dürfen die Bezüge von ${organisation.name} (${organisation.key}) nicht ändern; Kommune-Bearbeiter können nur ihre eigene Kommune importieren.`,
    );
  }
  const domain = keys.domain === null ? undefined : index.domains.get(comparable(keys.domain));
  if (keys.domain !== null && (!domain || domain.isGroup)) {
    problem(
      "Leistungsbereich",
      keys.domain,
      domain
        ? `„${domain.name}“ ist eine Gruppe; bitte einen einzelnen Leistungsbereich angeben.`
        : `Es gibt keinen Leistungsbereich „${keys.domain}“ (Liste im Blatt „Werte“ der Vorlage).`,
    );
  }
  return { organisation, domain };
}

function resolve(row: SourcingImportRow, index: ReferenceIndex, principal: Principal): Resolved {
  const problems: ImportProblem[] = [];
  const problem = (column: string, value: string | null, message: string) =>
    problems.push({ sheet: row.sheet, row: row.row, column, value, message });
  const { organisation, domain } = checkSourcingKeys(
    row,
    { organisationKey: row.organisationKey, domain: row.domain },
    index,
    principal,
    problems,
  );
  const input = row.input;
  let providerId: string | null = null;
  if (row.provider) {
    const provider = index.providers.get(comparable(row.provider));
    if (!provider) {
      problem(
        "IT-Dienstleister",
        row.provider,
        `IT-Dienstleister „${row.provider}“ ist unbekannt.`,
      );
    } else if (
      provider.status !== "active" &&
      !(provider.endedOn && provider.endedOn > input.validFrom)
    ) {
      problem(
        "IT-Dienstleister",
        row.provider,
        `IT-Dienstleister „${provider.shortName}“ ist zum ${germanDate(input.validFrom)} nicht mehr aktiv (fusioniert oder umbenannt); bitte den Nachfolger angeben.`,
      );
    } else {
      providerId = provider.id;
    }
  }
  let partnerKey: string | null = null;
  if (row.partnerKey) {
    const partner = index.organisations.get(row.partnerKey);
    if (!partner || (partner.kind !== "gemeinde" && partner.kind !== "kreis")) {
      problem(
        "Partnerkommune (AGS)",
        row.partnerKey,
        `Es gibt keine Kommune mit dem Schlüssel „${row.partnerKey}“.`,
      );
    } else if (organisation && partner.key === organisation.key) {
      problem(
        "Partnerkommune (AGS)",
        row.partnerKey,
        "Eine Kommune kann eine Leistung nicht von sich selbst beziehen.",
      );
    } else {
      partnerKey = partner.key;
    }
  }
  let productId: string | null = null;
  if (row.product) {
    const product = index.products.get(comparable(row.product));
    if (!product) {
      problem("Produkt", row.product, `Produkt „${row.product}“ ist unbekannt.`);
    } else if (domain && !product.domainIds.includes(domain.id)) {
      problem(
        "Produkt",
        row.product,
        `Produkt „${product.name}“ gehört nicht zum Leistungsbereich „${domain.name}“.`,
      );
    } else {
      productId = product.id;
    }
  }
  if (problems.length > 0 || !organisation || !domain) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    organisationKey: organisation.key,
    domainId: domain.id,
    content: {
      operatingModel: input.operatingModel,
      providerId,
      partnerKey,
      productId,
      runningCost: input.runningCost,
      investmentCost: input.investmentCost,
      volume: input.volume,
      contractEnd: input.contractEnd,
      satisfaction: input.satisfaction,
    },
  };
}

/** 2026-01-01 → 01.01.2026 */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

function versionOn(timeline: readonly TimelineVersion[], day: string): TimelineVersion | undefined {
  return timeline.find(
    (version) => version.validFrom <= day && (version.validTo === null || version.validTo > day),
  );
}

/**
 * Checks sourcing rows against the database and decides per row: new, changed (differs from
 * the version valid on its "Gültig ab"), unchanged (no version is written, so re-importing a
 * file changes nothing), or invalid (unknown references, no permission for the Kommune, a
 * duplicate row, or a change before the current version's start — history is not rewritten).
 */
export function planSourcingImport(
  rows: readonly SourcingImportRow[],
  index: ReferenceIndex,
  versions: readonly SourcingVersionRecord[],
  principal: Principal,
): SourcingPlan {
  const problems: ImportProblem[] = [];
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const groups = new Map<
    string,
    Array<{
      row: SourcingImportRow;
      content: SourcingContent;
      organisationKey: string;
      domainId: string;
    }>
  >();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const resolved = resolve(row, index, principal);
    if (!resolved.ok) {
      counts.invalid += 1;
      problems.push(...resolved.problems);
      continue;
    }
    const key = `${resolved.organisationKey}|${resolved.domainId}`;
    const identity = `${row.sheet}|${key}|${row.input.validFrom}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      counts.invalid += 1;
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: "Gültig ab",
        value: germanDate(row.input.validFrom),
        message: `Zeile ${earlier} beschreibt schon denselben Bezug (gleiche Kommune, gleicher Leistungsbereich, gleiches „Gültig ab“).`,
      });
      continue;
    }
    seen.set(identity, row.row);
    const group = groups.get(key) ?? [];
    group.push({
      row,
      content: resolved.content,
      organisationKey: resolved.organisationKey,
      domainId: resolved.domainId,
    });
    groups.set(key, group);
  }

  const timelines = new Map<string, TimelineVersion[]>();
  for (const version of versions) {
    const key = `${version.organisationKey}|${version.domainId}`;
    if (!groups.has(key)) continue;
    const list = timelines.get(key) ?? [];
    list.push({
      validFrom: version.validFrom,
      validTo: version.validTo,
      content: version,
      id: version.id,
    });
    timelines.set(key, list);
  }

  const planned: PlannedSourcing[] = [];
  const fieldChanges: ImportFieldChange[] = [];
  for (const [key, group] of groups) {
    group.sort(
      (a, b) => a.row.input.validFrom.localeCompare(b.row.input.validFrom) || a.row.row - b.row.row,
    );
    const timeline = timelines.get(key) ?? [];
    for (const { row, organisationKey, domainId, content: given } of group) {
      const day = row.input.validFrom;
      const current = versionOn(timeline, day);
      const open = timeline.find((version) => version.validTo === null);
      const content = { ...given };
      if (row.keepConfidential && current) {
        for (const field of CONFIDENTIAL)
          (content as Record<string, unknown>)[field] = current.content[field];
      }
      const modelProblem = keepAbsentFields(content, row.absent, current?.content);
      if (modelProblem) {
        counts.invalid += 1;
        problems.push({ sheet: row.sheet, row: row.row, ...modelProblem });
        continue;
      }
      const quality =
        principal.kind === "user" &&
        principal.roles.some(
          (role) => role.role === "kommune_bearbeiter" && role.organisationKey === organisationKey,
        )
          ? "self_reported"
          : "user";
      const base = {
        sheet: row.sheet,
        row: row.row,
        organisationKey,
        domainId,
        validFrom: day,
        content,
        note: row.input.note,
        quality,
      } as const;
      if (current && sameContent(current.content, content)) {
        counts.unchanged += 1;
        planned.push({ ...base, status: "unchanged" });
        continue;
      }
      if (open && day < open.validFrom) {
        counts.invalid += 1;
        problems.push({
          sheet: row.sheet,
          row: row.row,
          column: "Gültig ab",
          value: germanDate(day),
          message: `Der aktuelle Stand gilt seit ${germanDate(open.validFrom)}; Änderungen müssen an oder nach diesem Tag beginnen.`,
        });
        continue;
      }
      const status = timeline.length === 0 ? "new" : "changed";
      counts[status] += 1;
      planned.push({ ...base, status });
      if (current) {
        fieldChanges.push(
          ...describeFieldChanges(current.content, content, index).map((change) => ({
            sheet: row.sheet,
            row: row.row,
            subject: `${index.organisations.get(organisationKey)?.name ?? organisationKey} (${organisationKey}), ${index.domains.get(comparable(domainId))?.name ?? domainId} ab ${germanDate(day)}`,
            ...change,
          })),
        );
      }
      if (open && open.validFrom === day) {
        open.content = content;
      } else {
        if (open) open.validTo = day;
        timeline.push({ validFrom: day, validTo: null, content, id: null });
      }
      timelines.set(key, timeline);
    }
  }
  fieldChanges.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return { rows: planned, problems, counts, fieldChanges };
}

/**
 * Fills the fields whose column the file lacks with the stored values (a missing column means
 * "unchanged"), then checks the rules that link provider and partner to the operating model.
 * A provider or partner kept from the stored version is dropped when the new model has none.
 */
function keepAbsentFields(
  content: SourcingContent,
  absent: readonly SourcingContentField[],
  stored: SourcingContent | undefined,
): Pick<ImportProblem, "column" | "value" | "message"> | null {
  const target = content as unknown as Record<string, unknown>;
  for (const field of absent) target[field] = stored ? stored[field] : null;
  const model = content.operatingModel;
  if (absent.includes("providerId")) {
    if (model !== "it_dienstleister" && model !== "efa_dienst") content.providerId = null;
    if (model === "it_dienstleister" && content.providerId === null) {
      return {
        column: "Betriebsmodell",
        value: "IT-Dienstleister",
        message:
          "Bei Bezug von einem IT-Dienstleister ist der Dienstleister anzugeben; die Spalte „IT-Dienstleister“ fehlt in der Datei.",
      };
    }
  }
  if (absent.includes("partnerKey")) {
    if (model !== "andere_kommune") content.partnerKey = null;
    if (model === "andere_kommune" && content.partnerKey === null) {
      return {
        column: "Betriebsmodell",
        value: "Andere Kommune",
        message:
          "Bei Bezug von einer anderen Kommune ist diese anzugeben; die Spalte „Partnerkommune (AGS)“ fehlt in der Datei.",
      };
    }
  }
  return null;
}

const FIELD_HEADERS: Array<[keyof SourcingContent, string]> = [
  ["operatingModel", "Betriebsmodell"],
  ["providerId", "IT-Dienstleister"],
  ["partnerKey", "Partnerkommune (AGS)"],
  ["productId", "Produkt"],
  ["runningCost", "Laufende Kosten (€/Jahr)"],
  ["investmentCost", "Investitionskosten (€/Jahr)"],
  ["volume", "Menge"],
  ["contractEnd", "Vertragsende"],
  ["satisfaction", "Zufriedenheit (1–5)"],
];

const number = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** The values that differ between the stored and the new content, as a person reads them. */
function describeFieldChanges(
  before: SourcingContent,
  after: SourcingContent,
  index: ReferenceIndex,
): Array<Pick<ImportFieldChange, "column" | "before" | "after">> {
  const show = (field: keyof SourcingContent, value: string | number | null): string | null => {
    if (value === null) return null;
    if (typeof value === "number") return number.format(value);
    if (field === "operatingModel") return operatingModelLabel[value as OperatingModel];
    if (field === "providerId") return index.providers.get(comparable(value))?.shortName ?? value;
    if (field === "productId") return index.products.get(comparable(value))?.name ?? value;
    if (field === "contractEnd") return germanDate(value);
    return value;
  };
  return FIELD_HEADERS.flatMap(([field, column]) => {
    const from = show(field, before[field]);
    const to = show(field, after[field]);
    return from === to ? [] : [{ column, before: from, after: to }];
  });
}

/** What the comparison with the stored versions needs besides the rows (plain data). */
export interface SourcingCompareInput {
  references: ImportReferences;
  versions: readonly SourcingVersionRecord[];
  principal: Principal;
}

/**
 * A sourcing plan as the main thread receives it from the worker pool: counts, the first
 * problems and field changes (the report shows no more; their totals are counted) and the
 * grouped writes encoded in chunks ({@link encodeChunks}), decoded only to commit.
 */
export interface PreparedSourcingPlan {
  counts: ImportCounts;
  /** The first {@link MAX_REPORTED_PROBLEMS} problems by sheet and row. */
  problems: ImportProblem[];
  problemCount: number;
  /** The first {@link MAX_REPORTED_PROBLEMS} field changes by sheet and row. */
  fieldChanges: ImportFieldChange[];
  fieldChangeCount: number;
  writes: {
    corrections: Uint8Array[];
    closings: Uint8Array[];
    inserts: Uint8Array[];
  };
}

/**
 * Compares sourcing rows with the stored versions ({@link planSourcingImport}) and prepares the
 * writes of the new and changed rows — the CPU-heavy part of a sourcing import, run in the
 * worker pool together with reading the file. Only the first problems and field changes are
 * returned and the writes are encoded in chunks, so a 100,000-row file does not build
 * 100,000s of objects on the event loop in one piece.
 */
export function prepareSourcingPlan(
  rows: readonly SourcingImportRow[],
  input: SourcingCompareInput,
): PreparedSourcingPlan {
  const plan = planSourcingImport(
    rows,
    new ReferenceIndex(input.references),
    input.versions,
    input.principal,
  );
  const open = new Map<string, { id: number; validFrom: string }>();
  for (const version of input.versions) {
    if (version.validTo === null) {
      open.set(`${version.organisationKey}|${version.domainId}`, {
        id: version.id,
        validFrom: version.validFrom,
      });
    }
  }
  // Stable sort: the order `runImport` reports problems in, so the first ones are the same.
  const problems = [...plan.problems]
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0))
    .slice(0, MAX_REPORTED_PROBLEMS);
  const writes = prepareSourcingImport(
    plan.rows.filter((row) => row.status !== "unchanged"),
    open,
  );
  return {
    counts: plan.counts,
    problems,
    problemCount: plan.problems.length,
    fieldChanges: plan.fieldChanges.slice(0, MAX_REPORTED_PROBLEMS),
    fieldChangeCount: plan.fieldChanges.length,
    writes: {
      corrections: encodeChunks(writes.corrections),
      closings: encodeChunks(writes.closings),
      inserts: encodeChunks(writes.inserts),
    },
  };
}

/** Decodes the writes of a prepared plan on the main thread, chunk by chunk. */
export async function decodeSourcingWrites(
  plan: PreparedSourcingPlan,
): Promise<SourcingImportWrites> {
  return {
    corrections: await decodeChunks(plan.writes.corrections),
    closings: await decodeChunks(plan.writes.closings),
    inserts: await decodeChunks(plan.writes.inserts),
  };
}
