import { listProducts, listProviders, listServiceDomains, type Database } from "@it-atlas/db";
import {
  operatingModelLabel,
  productLifecycleLabel,
  provenanceQualityLabel,
  type Principal,
} from "@it-atlas/domain";
import type { LandscapeReader } from "../services/landscapeService.ts";
import { visibleLandscape } from "./landscapeTables.ts";

/** Namespace of the ArchiMate Model Exchange File Format 3.x (also used by 3.1). */
export const ARCHIMATE_NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/";
const SCHEMA_LOCATION = `${ARCHIMATE_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd`;

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 does not allow at all are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

/** An xs:ID (NCName) from a prefix and a public key: letters, digits, hyphen, dot, underscore. */
export function archimateId(prefix: string, key: string): string {
  return `id-${prefix}-${key.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

/** Property definitions: identifier, German name, ArchiMate data type. */
const PROPERTIES = {
  ags: ["Schlüssel (AGS)", "string"],
  population: ["Einwohner (Zensus 2022)", "number"],
  providerId: ["Kennung", "string"],
  vendor: ["Hersteller", "string"],
  lifecycle: ["Lebenszyklus", "string"],
  operatingModel: ["Betriebsmodell", "string"],
  provider: ["IT-Dienstleister", "string"],
  product: ["Produkt", "string"],
  runningCost: ["Laufende Kosten (EUR/Jahr)", "currency"],
  investmentCost: ["Investitionskosten (EUR/Jahr)", "currency"],
  annualCost: ["Jahreskosten (EUR)", "currency"],
  volume: ["Menge", "number"],
  validFrom: ["Gültig ab", "date"],
  source: ["Quelle", "string"],
  quality: ["Qualität der Angabe", "string"],
  evidence: ["Beleg", "string"],
  confidential: ["Vertrauliche Werte ausgeblendet", "boolean"],
} as const;
type PropertyKey = keyof typeof PROPERTIES;

function properties(
  values: Partial<Record<PropertyKey, string | number | boolean | null>>,
): string {
  const entries = Object.entries(values).filter(
    (entry): entry is [string, string | number | boolean] =>
      entry[1] !== null && entry[1] !== undefined && entry[1] !== "",
  );
  if (entries.length === 0) return "";
  return `<properties>${entries
    .map(
      ([key, value]) =>
        `<property propertyDefinitionRef="pd-${key}"><value xml:lang="de">${escapeXml(String(value))}</value></property>`,
    )
    .join("")}</properties>`;
}

function element(
  id: string,
  type: string,
  name: string,
  props = "",
  documentation?: string,
): string {
  return `<element identifier="${id}" xsi:type="${type}"><name xml:lang="de">${escapeXml(name)}</name>${
    documentation ? `<documentation xml:lang="de">${escapeXml(documentation)}</documentation>` : ""
  }${props}</element>`;
}

/**
 * The landscape as of a day in the ArchiMate Model Exchange File Format 3.1, for Archi,
 * ADOIT and other ArchiMate tools: Kommunen and IT-Dienstleister as business actors,
 * Leistungsbereiche as application services, products as application components (realising
 * their domains), each sourcing as a serving relation from the domain to the Kommune with
 * cost and provenance as properties (redacted for the principal), and an association from
 * provider to Kommune per provider relation. Folders ("organizations") group the concepts.
 */
export async function exportArchimate(
  db: Database,
  reader: LandscapeReader,
  asOf: string,
  principal: Principal,
): Promise<string> {
  const [sourcing, domains, products, providers] = await Promise.all([
    visibleLandscape(reader, { asOf }, principal),
    listServiceDomains(db),
    listProducts(db),
    listProviders(db),
  ]);
  const elements: string[] = [];
  const relationships: string[] = [];
  const folders: Record<string, string[]> = {
    Kommunen: [],
    "IT-Dienstleister": [],
    Leistungsbereiche: [],
    Produkte: [],
    Bezüge: [],
    Produktzuordnungen: [],
    Versorgung: [],
  };

  const kommunen = new Map<string, { name: string; population: number | null }>();
  for (const item of sourcing) {
    kommunen.set(item.organisation.ags, {
      name: item.organisation.name,
      population: item.organisation.population,
    });
  }
  for (const [key, kommune] of kommunen) {
    const id = archimateId("kommune", key);
    elements.push(
      element(
        id,
        "BusinessActor",
        kommune.name,
        properties({ ags: key, population: kommune.population }),
      ),
    );
    folders.Kommunen?.push(id);
  }
  for (const provider of providers) {
    const id = archimateId("dienstleister", provider.id);
    elements.push(
      element(
        id,
        "BusinessActor",
        provider.name,
        properties({ providerId: provider.id }),
        provider.legalForm ?? undefined,
      ),
    );
    folders["IT-Dienstleister"]?.push(id);
  }
  const domainIds = new Set<string>();
  for (const domain of domains) {
    if (domain.isGroup) continue;
    const id = archimateId("leistungsbereich", domain.id);
    domainIds.add(domain.id);
    elements.push(
      element(id, "ApplicationService", domain.name, "", domain.description ?? undefined),
    );
    folders.Leistungsbereiche?.push(id);
  }
  for (const product of products) {
    const id = archimateId("produkt", product.id);
    elements.push(
      element(
        id,
        "ApplicationComponent",
        product.name,
        properties({ vendor: product.vendor, lifecycle: productLifecycleLabel[product.lifecycle] }),
        product.description ?? undefined,
      ),
    );
    folders.Produkte?.push(id);
    for (const domainId of product.domainIds) {
      if (!domainIds.has(domainId)) continue;
      const relationId = archimateId("realisiert", `${product.id}.${domainId}`);
      relationships.push(
        `<relationship identifier="${relationId}" source="${id}" target="${archimateId("leistungsbereich", domainId)}" xsi:type="Realization"/>`,
      );
      folders.Produktzuordnungen?.push(relationId);
    }
  }
  const supplied = new Set<string>();
  for (const item of sourcing) {
    const relationId = archimateId("bezug", String(item.id));
    relationships.push(
      `<relationship identifier="${relationId}" source="${archimateId("leistungsbereich", item.domain.id)}" target="${archimateId("kommune", item.organisation.ags)}" xsi:type="Serving"><name xml:lang="de">${escapeXml(operatingModelLabel[item.operatingModel])}</name>${properties(
        {
          operatingModel: operatingModelLabel[item.operatingModel],
          provider: item.provider?.name ?? item.partner?.name ?? null,
          product: item.product?.name ?? null,
          runningCost: item.runningCost,
          investmentCost: item.investmentCost,
          annualCost: item.annualCost,
          volume: item.volume,
          validFrom: item.validFrom,
          source: item.provenance.sourceId,
          quality: provenanceQualityLabel[item.provenance.quality],
          evidence: item.provenance.evidence,
          confidential: item.confidentialHidden,
        },
      )}</relationship>`,
    );
    folders.Bezüge?.push(relationId);
    if (item.provider && !supplied.has(`${item.provider.id}|${item.organisation.ags}`)) {
      supplied.add(`${item.provider.id}|${item.organisation.ags}`);
      const associationId = archimateId("versorgt", `${item.provider.id}.${item.organisation.ags}`);
      relationships.push(
        `<relationship identifier="${associationId}" source="${archimateId("dienstleister", item.provider.id)}" target="${archimateId("kommune", item.organisation.ags)}" xsi:type="Association"><name xml:lang="de">versorgt</name></relationship>`,
      );
      folders.Versorgung?.push(associationId);
    }
  }
  const organizations = Object.entries(folders)
    .filter(([, ids]) => ids.length > 0)
    .map(
      ([label, ids]) =>
        `<item><label xml:lang="de">${escapeXml(label)}</label>${ids.map((id) => `<item identifierRef="${id}"/>`).join("")}</item>`,
    )
    .join("");
  const propertyDefinitions = Object.entries(PROPERTIES)
    .map(
      ([key, [name, type]]) =>
        `<propertyDefinition identifier="pd-${key}" type="${type}"><name xml:lang="de">${escapeXml(name)}</name></propertyDefinition>`,
    )
    .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<model xmlns="${ARCHIMATE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA_LOCATION}" identifier="${archimateId("modell", asOf)}">`,
    `<name xml:lang="de">IT-Landkarte NRW zum ${escapeXml(asOf)}</name>`,
    `<documentation xml:lang="de">${escapeXml(
      `Export aus IT-Atlas NRW. Bezüge als Serving-Beziehungen Leistungsbereich → Kommune mit Kosten und Herkunft als Eigenschaften.${
        sourcing.some((item) => item.demo)
          ? " Enthält Demodaten (synthetisch): Werte mit dieser Qualität sind keine Fakten."
          : ""
      }`,
    )}</documentation>`,
    `<elements>${elements.join("")}</elements>`,
    relationships.length > 0 ? `<relationships>${relationships.join("")}</relationships>` : "",
    organizations ? `<organizations>${organizations}</organizations>` : "",
    `<propertyDefinitions>${propertyDefinitions}</propertyDefinitions>`,
    `</model>`,
    "",
  ].join("\n");
}
