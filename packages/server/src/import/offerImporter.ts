import {
  listOfferRecords,
  lockMasterDataForImport,
  writeOffers,
  type OfferImportWrite,
} from "@it-atlas/db";
import {
  can,
  cellText,
  comparable,
  OFFER_IMPORT,
  type ImportProblem,
  type OfferContent,
  type OfferImportRow,
  type OfferRecord,
  type Principal,
  type ProvenanceQuality,
} from "@it-atlas/domain";
import {
  duplicateRow,
  emptyCounts,
  entityPlan,
  type CheckedChanges,
  type EntityImporter,
  type ImportContext,
} from "./EntityImporter.ts";
import { germanDate } from "./sourcingPlan.ts";

/**
 * Offers (IT-Dienstleister × Leistungsbereich × Produkt, by "Gültig ab"): a row on a stored
 * version's day corrects it; a later day ends the running version there and adds the next
 * one (lineage). Administrators, and a provider's editors for its own offers.
 */
export const offerImporter: EntityImporter<OfferImportRow> = {
  sheet: OFFER_IMPORT,
  async plan(db, rows, context) {
    return entityPlan(checkOffers(rows, await listOfferRecords(db), context), {
      lock: (tx) => lockMasterDataForImport(tx, ["provider_offer"]),
      recheck: async (tx) => checkOffers(rows, await listOfferRecords(tx), context),
      write: async (tx, changes) => {
        const [change] = changes;
        if (change) await writeOffers(tx, change);
      },
    });
  },
  referenceProblems(rows, context) {
    const problems: ImportProblem[] = [];
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    for (const row of rows) {
      const validFrom = text(row.values.validFrom);
      checkOfferKeys(
        row,
        {
          provider: text(row.values.provider),
          domain: text(row.values.domain),
          product: text(row.values.product),
          validFrom: validFrom && /^\d{4}-\d{2}-\d{2}$/.test(validFrom) ? validFrom : null,
        },
        context,
        problems,
      );
    }
    return problems;
  },
};

/**
 * Checks a row's IT-Dienstleister (known, still active on „Gültig ab“), Leistungsbereich and
 * Produkt (known, of that Leistungsbereich); a missing value is left to the sheet check.
 */
function checkOfferKeys(
  origin: { sheet: string; row: number },
  keys: {
    provider: string | null;
    domain: string | null;
    product: string | null;
    validFrom: string | null;
  },
  context: ImportContext,
  problems: ImportProblem[],
) {
  const problem = (column: string, value: string | null, message: string) =>
    problems.push({ sheet: origin.sheet, row: origin.row, column, value, message });
  const provider =
    keys.provider === null ? undefined : context.index.providers.get(comparable(keys.provider));
  if (keys.provider !== null && !provider) {
    problem(
      "IT-Dienstleister",
      keys.provider,
      `IT-Dienstleister „${keys.provider}“ ist unbekannt.`,
    );
  } else if (
    provider &&
    keys.validFrom !== null &&
    provider.status !== "active" &&
    !(provider.endedOn && provider.endedOn > keys.validFrom)
  ) {
    problem(
      "IT-Dienstleister",
      keys.provider,
      `IT-Dienstleister „${provider.shortName}“ ist zum ${germanDate(keys.validFrom)} nicht mehr aktiv; bitte den Nachfolger angeben.`,
    );
  }
  const domain =
    keys.domain === null ? undefined : context.index.domains.get(comparable(keys.domain));
  if (keys.domain !== null && (!domain || domain.isGroup)) {
    problem(
      "Leistungsbereich",
      keys.domain,
      domain
        ? `„${domain.name}“ ist eine Gruppe; bitte einen einzelnen Leistungsbereich angeben.`
        : `Es gibt keinen Leistungsbereich „${keys.domain}“ (Liste im Blatt „Werte“ der Vorlage).`,
    );
  }
  let productId: string | null = null;
  if (keys.product) {
    const product = context.index.products.get(comparable(keys.product));
    if (!product) {
      problem("Produkt", keys.product, `Produkt „${keys.product}“ ist unbekannt.`);
    } else if (domain && !product.domainIds.includes(domain.id)) {
      problem(
        "Produkt",
        keys.product,
        `Produkt „${product.name}“ gehört nicht zum Leistungsbereich „${domain.name}“.`,
      );
    } else {
      productId = product.id;
    }
  }
  return { provider, domain, productId };
}

interface Version {
  id: number | null;
  validFrom: string;
  content: OfferContent;
  write: "insert" | "correct" | "close" | null;
  predecessorId: number | null;
  target: Omit<OfferImportWrite, keyof OfferContent | "validFrom" | "quality">;
  quality: ProvenanceQuality;
}

type OfferChanges = Parameters<typeof writeOffers>[1];

const close = (a: number | null, b: number | null, tolerance: number) =>
  a === null || b === null ? a === b : Math.abs(a - b) < tolerance;

function sameContent(stored: OfferContent, wanted: OfferContent): boolean {
  return (
    close(stored.fixedPrice, wanted.fixedPrice, 0.005) &&
    close(stored.unitPrice, wanted.unitPrice, 0.00005) &&
    close(stored.capacity, wanted.capacity, 0.005) &&
    cellText(stored.sla) === wanted.sla &&
    stored.validTo === wanted.validTo &&
    cellText(stored.evidence) === wanted.evidence
  );
}

function qualityFor(principal: Principal, providerId: string): ProvenanceQuality {
  return principal.kind === "user" &&
    principal.roles.some(
      (role) => role.role === "dienstleister_bearbeiter" && role.providerId === providerId,
    )
    ? "self_reported"
    : "user";
}

function checkOffers(
  rows: readonly OfferImportRow[],
  stored: readonly OfferRecord[],
  context: ImportContext,
): CheckedChanges<OfferChanges> {
  const counts = emptyCounts();
  const problems: ImportProblem[] = [];
  const timelines = new Map<string, Version[]>();
  for (const record of stored) {
    const key = `${record.providerId}|${record.domainId}|${record.productId ?? ""}`;
    const list = timelines.get(key) ?? [];
    list.push({
      id: record.id,
      validFrom: record.validFrom,
      content: record,
      write: null,
      predecessorId: null,
      target: {
        providerId: record.providerId,
        domainId: record.domainId,
        productId: record.productId,
      },
      quality: record.quality,
    });
    timelines.set(key, list);
  }
  const seen = new Map<string, number>();
  const ordered = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.row - b.row);
  for (const row of ordered) {
    const rowProblems: ImportProblem[] = [];
    const { provider, domain, productId } = checkOfferKeys(
      row,
      {
        provider: row.provider,
        domain: row.domain,
        product: row.product,
        validFrom: row.validFrom,
      },
      context,
      rowProblems,
    );
    if (rowProblems.length > 0 || !provider || !domain || domain.isGroup) {
      counts.invalid += 1;
      problems.push(...rowProblems);
      continue;
    }
    const key = `${provider.id}|${domain.id}|${productId ?? ""}`;
    const identity = `${key}|${row.validFrom}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      counts.invalid += 1;
      problems.push(
        duplicateRow(
          row,
          earlier,
          "Gültig ab",
          germanDate(row.validFrom),
          "dasselbe Angebot (gleicher IT-Dienstleister, Leistungsbereich, Produkt und „Gültig ab“)",
        ),
      );
      continue;
    }
    seen.set(identity, row.row);
    const timeline = timelines.get(key) ?? [];
    const exact = timeline.find((version) => version.validFrom === row.validFrom);
    if (exact && sameContent(exact.content, row.content)) {
      counts.unchanged += 1;
      continue;
    }
    if (!can(context.principal, "offer:edit", { providerId: provider.id })) {
      counts.invalid += 1;
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: "IT-Dienstleister",
        value: provider.id,
        message: `Sie dürfen die Angebote von ${provider.shortName} nicht ändern; Dienstleister-Bearbeiter können nur die Angebote ihres eigenen IT-Dienstleisters importieren.`,
      });
      continue;
    }
    const later = timeline
      .filter((version) => version.validFrom > row.validFrom)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
    const endsAfterLater =
      later && (row.content.validTo === null || row.content.validTo > later.validFrom);
    if (later && (!exact || endsAfterLater)) {
      counts.invalid += 1;
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: exact ? "Gültig bis" : "Gültig ab",
        value: germanDate(exact ? (row.content.validTo ?? row.validFrom) : row.validFrom),
        message: `Es gibt schon einen Stand dieses Angebots ab ${germanDate(later.validFrom)}; das Angebot darf sich damit nicht überschneiden.`,
      });
      continue;
    }
    const quality = qualityFor(context.principal, provider.id);
    if (exact) {
      exact.content = row.content;
      exact.quality = quality;
      exact.write = exact.write === "insert" ? "insert" : "correct";
      counts.changed += 1;
      continue;
    }
    const covering = timeline.find(
      (version) =>
        version.validFrom < row.validFrom &&
        (version.content.validTo === null || version.content.validTo > row.validFrom),
    );
    if (covering) {
      covering.content = { ...covering.content, validTo: row.validFrom };
      if (covering.write === null) covering.write = "close";
    }
    timeline.push({
      id: null,
      validFrom: row.validFrom,
      content: row.content,
      write: "insert",
      predecessorId: covering?.id ?? null,
      target: { providerId: provider.id, domainId: domain.id, productId },
      quality,
    });
    timelines.set(key, timeline);
    counts[covering ? "changed" : "new"] += 1;
  }
  const corrections: Array<OfferImportWrite & { id: number }> = [];
  const closings: Array<{ id: number; validTo: string }> = [];
  const inserts: Array<OfferImportWrite & { predecessorId: number | null }> = [];
  for (const timeline of timelines.values()) {
    for (const version of timeline) {
      const write = {
        ...version.target,
        ...version.content,
        validFrom: version.validFrom,
        quality: version.quality,
      };
      if (version.write === "insert") {
        inserts.push({ ...write, predecessorId: version.predecessorId });
      } else if (version.write === "correct" && version.id !== null) {
        corrections.push({ ...write, id: version.id });
      } else if (version.write === "close" && version.id !== null && version.content.validTo) {
        closings.push({ id: version.id, validTo: version.content.validTo });
      }
    }
  }
  const written = inserts.length + corrections.length + closings.length;
  return { counts, problems, changes: written > 0 ? [{ corrections, closings, inserts }] : [] };
}
