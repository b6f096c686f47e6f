import { createHash } from "node:crypto";
import {
  DEFAULT_LEIKA_TYPE_RULES,
  DEMO_ONLINE_SERVICES,
  generateDemoAdoption,
  toResponsibilityRules,
  type BaseComponent,
} from "@it-atlas/domain";
import type { Database, Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { raw, sql } from "../client/sql.ts";
import { listOzgCatalogue, listOzgKommunen } from "../repositories/ozgAdoptionRepository.ts";
import { removeDemoProviders } from "./removeDemoData.ts";
import { createExchangeOffer } from "../repositories/ozgExchangeRepository.ts";
import {
  bumpOzgRevision,
  listResponsibilityRules,
} from "../repositories/ozgResponsibilityRepository.ts";

// Bump when the rule defaults or the demo pipeline change, so databases are re-seeded.
const OZG_RULES_VERSION = "1";
const OZG_DEMO_VERSION = "2";
/** Seed of the demo adoption generator. */
export const OZG_DEMO_SEED = 20_260_301;
const DEMO_FROM = "2025-01-01";
const DEMO_TO = "2026-06-01";
const DEMO_EVIDENCE = "Demodaten (synthetisch): deterministisch erzeugt, keine Tatsache";
const DEMO_SOURCE = "Demodaten (synthetisch)";

/** What the OZG seed did. */
export interface OzgSeedResult {
  rulesSeeded: boolean;
  demoApplied: boolean;
  demoRemoved: boolean;
  records: number;
  milliseconds: number;
}

/**
 * Inserts the default responsibility rules that are missing: one per LeiKa-Typ, and one per
 * OZG-Leistung linked to a Leistungsbereich (its responsible Kommune types and legal basis).
 * Rules that administrators changed are kept.
 */
async function seedDefaultRules(tx: Queryable): Promise<void> {
  await insertRows(
    tx,
    "ozg_responsibility_rule",
    ["leika_type", "responsible_types", "basis", "updated_by"],
    DEFAULT_LEIKA_TYPE_RULES.map((rule) => [
      rule.leikaType,
      [...rule.responsibleTypes],
      rule.basis,
      "system",
    ]),
    "ON CONFLICT (leika_type) WHERE leika_type IS NOT NULL DO NOTHING",
  );
  await tx.query(sql`
    INSERT INTO ozg_responsibility_rule (ozg_id, responsible_types, basis, updated_by)
    SELECT x.ozg_id,
           (SELECT array_agg(DISTINCT t ORDER BY t) FROM service_domain_ozg y JOIN service_domain e ON e.id = y.domain_id,
              unnest(e.responsible_types) t WHERE y.ozg_id = x.ozg_id),
           'Abgeleitet aus dem Leistungsbereich ' ||
             string_agg('„' || d.name || '“' || coalesce(' (' || d.responsibility_basis || ')', ''), ', ' ORDER BY d.position),
           'system'
    FROM service_domain_ozg x JOIN service_domain d ON d.id = x.domain_id
    GROUP BY x.ozg_id
    ON CONFLICT (ozg_id) WHERE ozg_id IS NOT NULL DO NOTHING`);
}

/**
 * Removes the demo OZG records. A person's record that names a demo online service keeps it
 * while the demo is re-seeded; for good (`final`), the reference is cleared and every demo
 * service goes (ADR 0021).
 */
async function removeDemo(tx: Queryable, final: boolean): Promise<void> {
  await tx.query(sql`DELETE FROM ozg_adoption WHERE quality = 'demo'`);
  await tx.query(sql`DELETE FROM ozg_onboarding WHERE quality = 'demo'`);
  await tx.query(
    sql`DELETE FROM exchange_agreement WHERE offer_id IN (SELECT id FROM exchange_offer WHERE quality = 'demo')`,
  );
  const mirrors = await tx.query<{ provider_offer_id: number | null }>(
    sql`DELETE FROM exchange_offer WHERE quality = 'demo' RETURNING provider_offer_id`,
  );
  const mirrorIds = mirrors.flatMap((row) =>
    row.provider_offer_id === null ? [] : [row.provider_offer_id],
  );
  await tx.query(sql`DELETE FROM provider_offer WHERE id = ANY(${mirrorIds}::int[])`);
  if (final) {
    const demoServices = sql`SELECT id FROM online_service WHERE quality = 'demo'`;
    for (const table of ["ozg_adoption", "ozg_onboarding", "exchange_offer"] as const) {
      await tx.query(sql`UPDATE ${raw(table)} SET online_service_id = NULL
        WHERE online_service_id IN (${demoServices})`);
    }
  }
  // Demo services that real records refer to stay while the demo is re-seeded (still labelled demo).
  await tx.query(sql`
    DELETE FROM online_service s WHERE s.quality = 'demo'
      AND NOT EXISTS (SELECT 1 FROM ozg_adoption a WHERE a.online_service_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM ozg_onboarding o WHERE o.online_service_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM exchange_offer e WHERE e.online_service_id = s.id)`);
  if (final) await removeDemoProviders(tx);
}

async function seedDemoCatalogue(tx: Queryable): Promise<void> {
  const [providers, leistungen] = await Promise.all([
    tx.query<{ id: string }>(sql`SELECT id FROM provider`),
    tx.query<{ id: number }>(sql`SELECT id FROM ozg_leistung`),
  ]);
  const knownProviders = new Set(providers.map((row) => row.id));
  const knownLeistungen = new Set(leistungen.map((row) => row.id));
  for (const service of DEMO_ONLINE_SERVICES) {
    const operator = knownProviders.has(service.operatorProviderId)
      ? service.operatorProviderId
      : null;
    await tx.query(sql`
      INSERT INTO online_service (id, name, description, kind, component, operator_provider_id, operator_name,
                                  efa, lead_land, portal, maturity, dependencies, evidence, quality)
      VALUES (${service.id}, ${service.name}, ${service.description}, ${service.kind}, ${service.component},
              ${operator}, ${operator ? null : service.operatorProviderId}, ${service.efa}, ${service.leadLand},
              ${service.portal}, ${service.maturity}, ${service.dependencies}, ${DEMO_EVIDENCE}, 'demo')
      ON CONFLICT (id) DO NOTHING`);
    const ozgIds = service.ozgIds.filter((id) => knownLeistungen.has(id));
    if (ozgIds.length > 0) {
      await tx.query(sql`
        INSERT INTO online_service_leistung (service_id, ozg_id)
        SELECT ${service.id}, unnest(${ozgIds}::int[]) ON CONFLICT DO NOTHING`);
    }
  }
}

async function seedDemoRecords(tx: Queryable): Promise<number> {
  const [kommunen, catalogue, rules, services] = await Promise.all([
    listOzgKommunen(tx),
    listOzgCatalogue(tx),
    listResponsibilityRules(tx),
    tx.query<{
      id: string;
      component: BaseComponent | null;
      dependencies: BaseComponent[];
      ozgIds: number[];
    }>(sql`
      SELECT s.id, s.component, s.dependencies,
             coalesce(array_agg(x.ozg_id ORDER BY x.ozg_id) FILTER (WHERE x.ozg_id IS NOT NULL), '{}') AS "ozgIds"
      FROM online_service s LEFT JOIN online_service_leistung x ON x.service_id = s.id
      WHERE s.quality = 'demo' GROUP BY s.id ORDER BY s.id`),
  ]);
  const records = generateDemoAdoption({
    kommunen: kommunen.map((kommune) => ({
      key: kommune.key,
      type: kommune.type,
      population: kommune.population,
    })),
    leistungen: catalogue,
    rules: toResponsibilityRules(rules),
    services,
    seed: OZG_DEMO_SEED,
    from: DEMO_FROM,
    to: DEMO_TO,
  });
  const columns = [
    "organisation_key",
    "subject",
    "status",
    "online_service_id",
    "planned_date",
    "info_source",
    "as_of",
    "evidence",
    "quality",
    "updated_by",
  ];
  const values = (record: (typeof records)[number]) => [
    record.organisationKey,
    record.ozgId ?? record.component,
    record.status,
    record.onlineServiceId,
    record.plannedDate,
    DEMO_SOURCE,
    record.informationDate,
    DEMO_EVIDENCE,
    "demo",
    "demo-seed",
  ];
  // Records that people entered win over demo records (DO NOTHING).
  await insertRows(
    tx,
    "ozg_adoption",
    columns.map((column) => (column === "subject" ? "ozg_id" : column)),
    records.filter((record) => record.ozgId !== null).map(values),
    "ON CONFLICT (organisation_key, ozg_id) DO NOTHING",
  );
  await insertRows(
    tx,
    "ozg_onboarding",
    columns.map((column) => (column === "subject" ? "component" : column)),
    records.filter((record) => record.component !== null).map(values),
    "ON CONFLICT (organisation_key, component) DO NOTHING",
  );
  return records.length;
}

async function seedDemoExchange(tx: Queryable): Promise<void> {
  const offers = [
    {
      providerId: "owl-it",
      input: {
        domainId: "onlinedienste",
        onlineServiceId: "bauantrag-online",
        title: "Digitaler Bauantrag zur Mitnutzung (Demo)",
        description:
          "Betrieb des Onlinedienstes samt Anbindung an das Fachverfahren der Bauaufsicht.",
        priceModel: "Grundpreis je Kommune plus Entgelt je Antrag",
        fixedPrice: 4_800,
        unitPrice: 2.5,
        capacity: 60_000,
        sla: "99,5 % Verfügbarkeit, Servicezeit Mo–Fr 7–18 Uhr",
        audienceProviderIds: ["sit", "krzn"],
        validFrom: "2026-01-01",
        validTo: null,
        status: "veroeffentlicht" as const,
      },
      interests: [{ organisationKey: "05970040", providerId: null }],
      agreement: { organisationKey: "05970040", signedOn: "2026-03-15", validFrom: "2026-05-01" },
    },
    {
      providerId: "d-nrw",
      input: {
        domainId: "e-payment",
        onlineServiceId: "epayment-nrw",
        title: "Anbindung an die zentrale E-Payment-Plattform (Demo)",
        description: "Einrichtung des Mandanten, Test und Betrieb der Bezahlschnittstelle.",
        priceModel: "Einrichtungspauschale plus Entgelt je Transaktion",
        fixedPrice: 1_500,
        unitPrice: 0.35,
        capacity: null,
        sla: "99,8 % Verfügbarkeit",
        audienceProviderIds: [],
        validFrom: "2025-07-01",
        validTo: null,
        status: "veroeffentlicht" as const,
      },
      interests: [
        { organisationKey: "05958", providerId: null },
        { organisationKey: null, providerId: "citeq" },
      ],
      agreement: null,
    },
    {
      providerId: "sit",
      input: {
        domainId: "formularserver",
        onlineServiceId: "formular-kommunal",
        title: "Formularserver als Mitnutzung (Demo)",
        description: "Mandant auf dem Formularserver mit Formularbaukasten und Schulung.",
        priceModel: "Pauschale je Einwohnerklasse",
        fixedPrice: 3_000,
        unitPrice: 0.8,
        capacity: 200_000,
        sla: "Servicezeit Mo–Fr 8–16 Uhr",
        audienceProviderIds: ["owl-it", "citeq"],
        validFrom: "2026-02-01",
        validTo: null,
        status: "veroeffentlicht" as const,
      },
      interests: [],
      agreement: null,
    },
  ];
  for (const offer of offers) {
    const id = await createExchangeOffer(tx, offer.providerId, offer.input, "demo-seed");
    await tx.query(
      sql`UPDATE exchange_offer SET quality = 'demo', evidence = ${DEMO_EVIDENCE} WHERE id = ${id}`,
    );
    await tx.query(sql`UPDATE provider_offer SET quality = 'demo', evidence = ${DEMO_EVIDENCE}
      WHERE id = (SELECT provider_offer_id FROM exchange_offer WHERE id = ${id})`);
    for (const interest of offer.interests) {
      await tx.query(sql`INSERT INTO exchange_interest (offer_id, organisation_key, provider_id, note, created_by)
        VALUES (${id}, ${interest.organisationKey}, ${interest.providerId}, ${DEMO_SOURCE}, 'demo-seed')`);
    }
    if (offer.agreement) {
      await tx.query(sql`INSERT INTO exchange_agreement (offer_id, organisation_key, signed_on, valid_from, note, created_by)
        VALUES (${id}, ${offer.agreement.organisationKey}, ${offer.agreement.signedOn}::date,
                ${offer.agreement.validFrom}::date, ${DEMO_SOURCE}, 'demo-seed')`);
    }
  }
}

/**
 * Seeds the OZG-Umsetzung: the default responsibility rules (always; edited rules are kept)
 * and, when `enabled`, the demo catalogue of online services, demo adoption and checklist
 * records and demo exchange offers — all with quality `demo` ("Demodaten (synthetisch)").
 * `enabled = false` removes the demo rows. Idempotent per data version; runs after the demo
 * landscape (whose offers the exchange offers mirror into).
 */
export async function seedOzgAdoption(db: Database, enabled: boolean): Promise<OzgSeedResult> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    const states = await tx.query<{ name: string; version: string }>(
      sql`SELECT name, version FROM seed_state WHERE name IN ('reference','demo','ozg-rules','ozg-demo') FOR UPDATE`,
    );
    const stateOf = (name: string) => states.find((state) => state.name === name)?.version ?? "";
    const hash = (...parts: string[]) =>
      createHash("sha256").update(parts.join("/")).digest("hex").slice(0, 16);
    const rulesVersion = hash(stateOf("reference"), OZG_RULES_VERSION);
    const demoVersion = hash(
      rulesVersion,
      stateOf("demo"),
      OZG_DEMO_VERSION,
      String(OZG_DEMO_SEED),
      String(enabled),
    );
    const result = { rulesSeeded: false, demoApplied: false, demoRemoved: false, records: 0 };
    if (stateOf("ozg-rules") !== rulesVersion) {
      await seedDefaultRules(tx);
      result.rulesSeeded = true;
    }
    if (stateOf("ozg-demo") !== demoVersion) {
      await removeDemo(tx, !enabled);
      if (enabled) {
        await seedDemoCatalogue(tx);
        result.records = await seedDemoRecords(tx);
        await seedDemoExchange(tx);
        result.demoApplied = true;
      } else {
        result.demoRemoved = true;
      }
    }
    if (result.rulesSeeded || result.demoApplied || result.demoRemoved) {
      await bumpOzgRevision(tx);
      await tx.query(sql`INSERT INTO seed_state (name, version) VALUES ('ozg-rules', ${rulesVersion}), ('ozg-demo', ${demoVersion})
        ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, seeded_at = now()`);
    }
    return { ...result, milliseconds: Math.round(performance.now() - started) };
  });
}
