import { z } from "zod";
import { ResponsibleType } from "../landscape/ServiceDomain.ts";
import type { AdoptionStatus } from "./AdoptionStatus.ts";
import type { LeikaType } from "./Ozg.ts";

/**
 * LeiKa-Typen as the rule table distinguishes them. The source writes 2, 3 and 2/3; S7 explains
 * them together ("Bund regelt, Land oder Kommune vollzieht"), so they share one rule.
 */
export const LeikaTypeRuleKey = z.enum(["1", "2/3", "4", "5", "6"]);
export type LeikaTypeRuleKey = z.infer<typeof LeikaTypeRuleKey>;

/** The rule key of a LeiKa-Typ (2 and 3 fold into 2/3). */
export function ruleKeyOf(type: LeikaType): LeikaTypeRuleKey {
  return type === "2" || type === "3" ? "2/3" : type;
}

/** Kommune types at Kreis level: Kreise, kreisfreie Städte and the partly kreisfreie Aachen. */
export const KREIS_LEVEL_TYPES: readonly ResponsibleType[] = [
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "kreis",
  "staedteregion",
];

/** Every Kommune type. */
export const ALL_KOMMUNE_TYPES: readonly ResponsibleType[] = ResponsibleType.options;

/** One default row of the LeiKa-Typ rule table, with the reasoning shown to users. */
export interface LeikaTypeRuleDefault {
  leikaType: LeikaTypeRuleKey;
  responsibleTypes: readonly ResponsibleType[];
  basis: string;
}

/**
 * The default rule: which Kommune types must offer an OZG-Leistung of a LeiKa-Typ. Meaning of
 * the types from digital-direkt.nrw, FAQ "LeiKa-Typ" (data/SOURCES.md S7). Who executes
 * federal and Land law in NRW is an **assumption** of IT-Atlas, stated in `basis`: the Kreise
 * and kreisfreie Städte as untere Verwaltungs- und Kreisordnungsbehörden. Tasks of every
 * Gemeinde (Meldewesen, Standesamt, Gewerbe …) come from the rules per OZG-Leistung, which are
 * derived from the Leistungsbereiche and their legal basis. Administrators can edit both.
 */
export const DEFAULT_LEIKA_TYPE_RULES: readonly LeikaTypeRuleDefault[] = [
  {
    leikaType: "1",
    responsibleTypes: [],
    basis:
      "Typ 1: Der Bund regelt und vollzieht (digital-direkt.nrw, FAQ LeiKa-Typ). Keine kommunale Zuständigkeit.",
  },
  {
    leikaType: "2/3",
    responsibleTypes: KREIS_LEVEL_TYPES,
    basis:
      "Typ 2/3: Der Bund regelt, Land oder Kommune vollziehen (digital-direkt.nrw). Annahme von IT-Atlas: Vollzug durch Kreise und kreisfreie Städte als untere Verwaltungs- und Kreisordnungsbehörden; Aufgaben aller Gemeinden (z. B. Meldewesen) über die Regeln je OZG-Leistung.",
  },
  {
    leikaType: "4",
    responsibleTypes: KREIS_LEVEL_TYPES,
    basis:
      "Typ 4: Das Land regelt, Land oder Kommune vollziehen (digital-direkt.nrw). Annahme von IT-Atlas wie bei Typ 2/3: Kreise und kreisfreie Städte.",
  },
  {
    leikaType: "5",
    responsibleTypes: ALL_KOMMUNE_TYPES,
    basis:
      "Typ 5: Die Kommune regelt und vollzieht (digital-direkt.nrw), z. B. nach eigener Satzung: jede Gemeinde und jeder Kreis.",
  },
  {
    leikaType: "6",
    responsibleTypes: [],
    basis: "Typ 6: in der Quelle ohne Erläuterung; IT-Atlas nimmt keine Zuständigkeit an.",
  },
];

/** A row of the rule table: by LeiKa-Typ or, more specific, for one OZG-Leistung. */
export const ResponsibilityRule = z
  .object({
    scope: z.enum(["leika_typ", "leistung"]),
    leikaType: LeikaTypeRuleKey.nullable(),
    ozgId: z.number().int().nullable(),
    ozgName: z.string().nullable(),
    responsibleTypes: z.array(ResponsibleType),
    /** Reasoning or legal basis, in German. */
    basis: z.string(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "ResponsibilityRule" });
export type ResponsibilityRule = z.infer<typeof ResponsibilityRule>;

/** What an administrator enters to change a rule. */
export const ResponsibilityRuleInput = z
  .object({
    responsibleTypes: z.array(ResponsibleType).max(ResponsibleType.options.length),
    basis: z.string().trim().min(3, "Bitte die Begründung angeben.").max(1000),
  })
  .meta({ id: "ResponsibilityRuleChange" });
export type ResponsibilityRuleInput = z.infer<typeof ResponsibilityRuleInput>;

/** The rule table in the form the pure functions use. */
export interface ResponsibilityRules {
  byLeikaType: Partial<Record<LeikaTypeRuleKey, readonly ResponsibleType[]>>;
  byLeistung: ReadonlyMap<number, readonly ResponsibleType[]>;
}

/** Builds {@link ResponsibilityRules} from rule rows. */
export function toResponsibilityRules(
  rows: ReadonlyArray<Pick<ResponsibilityRule, "leikaType" | "ozgId" | "responsibleTypes">>,
): ResponsibilityRules {
  const byLeikaType: Partial<Record<LeikaTypeRuleKey, readonly ResponsibleType[]>> = {};
  const byLeistung = new Map<number, readonly ResponsibleType[]>();
  for (const row of rows) {
    if (row.ozgId !== null) byLeistung.set(row.ozgId, row.responsibleTypes);
    else if (row.leikaType !== null) byLeikaType[row.leikaType] = row.responsibleTypes;
  }
  return { byLeikaType, byLeistung };
}

/** Why a Kommune is (not) responsible for a Leistung: the most specific rule that applied. */
export const ResponsibilityReason = z.enum(["kommune", "leistung", "leika_typ", "keine_regel"]);
export type ResponsibilityReason = z.infer<typeof ResponsibilityReason>;

/** German labels of responsibility reasons. */
export const responsibilityReasonLabel: Record<ResponsibilityReason, string> = {
  kommune: "Angabe der Kommune",
  leistung: "Regel der OZG-Leistung",
  leika_typ: "Regel des LeiKa-Typs",
  keine_regel: "keine Regel",
};

/**
 * Whether a Kommune of `kommuneType` must offer `leistung`. The most specific rule wins:
 * (1) what the Kommune recorded — `nicht_zustaendig` overrides to no, any other recorded status
 * means it does offer the Leistung, so yes; (2) the rule of the OZG-Leistung; (3) the rules of
 * its LeiKa-Typen, where one type that makes the Kommune responsible suffices, because an
 * OZG-Leistung bundles LeiKa-Leistungen and the Kommune must offer its part of the bundle.
 */
export function responsibilityFor(
  leistung: { id: number; leikaTypes: readonly LeikaType[] },
  kommuneType: ResponsibleType,
  rules: ResponsibilityRules,
  recorded?: AdoptionStatus,
): { responsible: boolean; reason: ResponsibilityReason } {
  if (recorded !== undefined) {
    return { responsible: recorded !== "nicht_zustaendig", reason: "kommune" };
  }
  const byLeistung = rules.byLeistung.get(leistung.id);
  if (byLeistung) return { responsible: byLeistung.includes(kommuneType), reason: "leistung" };
  let anyRule = false;
  for (const type of leistung.leikaTypes) {
    const rule = rules.byLeikaType[ruleKeyOf(type)];
    if (!rule) continue;
    anyRule = true;
    if (rule.includes(kommuneType)) return { responsible: true, reason: "leika_typ" };
  }
  return { responsible: false, reason: anyRule ? "leika_typ" : "keine_regel" };
}

/** The responsibility type of a Kommune: its size class, or Kreis/StädteRegion. */
export function kommuneTypeOf(organisation: {
  kind: string;
  municipalityType?: string | null | undefined;
  kreisType?: string | null | undefined;
}): ResponsibleType | undefined {
  if (organisation.kind === "kreis") {
    return organisation.kreisType === "staedteregion" ? "staedteregion" : "kreis";
  }
  if (organisation.kind !== "gemeinde") return undefined;
  const parsed = ResponsibleType.safeParse(organisation.municipalityType);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Peer group of a Kommune for comparisons ("Größenklasse"): the StädteRegion counts with the
 * Kreise and Aachen with the kreisfreie Städte, so that no group has a single member.
 */
export function peerClassOf(type: ResponsibleType): ResponsibleType {
  if (type === "staedteregion") return "kreis";
  if (type === "regionsangehoerige_stadt_aachen") return "kreisfreie_stadt";
  return type;
}

/** German labels of peer classes (plural). */
export const peerClassLabel: Partial<Record<ResponsibleType, string>> = {
  kreis: "Kreise und StädteRegion",
  kreisfreie_stadt: "kreisfreie Städte (mit Aachen)",
  grosse_kreisangehoerige_stadt: "große kreisangehörige Städte",
  mittlere_kreisangehoerige_stadt: "mittlere kreisangehörige Städte",
  kreisangehoerige_stadt: "kreisangehörige Städte",
  kreisangehoerige_gemeinde: "kreisangehörige Gemeinden",
};
