import { describe, expect, it } from "vitest";
import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import type { AdoptionStatus } from "./AdoptionStatus.ts";
import type { LeikaType } from "./Ozg.ts";
import { testRules } from "./ozgFixtures.testing.ts";
import {
  DEFAULT_LEIKA_TYPE_RULES,
  kommuneTypeOf,
  peerClassOf,
  responsibilityFor,
  ruleKeyOf,
  toResponsibilityRules,
  type ResponsibilityReason,
} from "./responsibility.ts";

const leistung = (id: number, ...leikaTypes: LeikaType[]) => ({ id, leikaTypes });

describe("responsibilityFor", () => {
  it.each<
    [
      string,
      ReturnType<typeof leistung>,
      ResponsibleType,
      AdoptionStatus | undefined,
      boolean,
      ResponsibilityReason,
    ]
  >([
    [
      "Typ 1 (Bund) is no Kreis's task",
      leistung(10172, "1"),
      "kreis",
      undefined,
      false,
      "leika_typ",
    ],
    ["Typ 2/3 is the Kreis's task", leistung(10000, "2/3"), "kreis", undefined, true, "leika_typ"],
    ["Typ 2 counts as 2/3", leistung(10000, "2"), "kreisfreie_stadt", undefined, true, "leika_typ"],
    [
      "Typ 2/3 is not a kreisangehörige Gemeinde's task",
      leistung(10000, "2/3"),
      "kreisangehoerige_gemeinde",
      undefined,
      false,
      "leika_typ",
    ],
    [
      "Typ 4 is the StädteRegion's task",
      leistung(10126, "4"),
      "staedteregion",
      undefined,
      true,
      "leika_typ",
    ],
    [
      "Typ 5 is every Gemeinde's task",
      leistung(10110, "5"),
      "kreisangehoerige_gemeinde",
      undefined,
      true,
      "leika_typ",
    ],
    [
      "one responsible type in a bundle suffices",
      leistung(10110, "1", "5"),
      "kreisangehoerige_stadt",
      undefined,
      true,
      "leika_typ",
    ],
    ["Typ 6 is nobody's task", leistung(1, "6"), "kreis", undefined, false, "leika_typ"],
    ["a Leistung without type has no rule", leistung(2), "kreis", undefined, false, "keine_regel"],
    [
      "the Leistung rule beats the LeiKa-Typ (Meldewesen: Gemeinde)",
      leistung(10124, "2/3"),
      "kreisangehoerige_gemeinde",
      undefined,
      true,
      "leistung",
    ],
    [
      "the Leistung rule beats the LeiKa-Typ (Meldewesen: not the Kreis)",
      leistung(10124, "2/3"),
      "kreis",
      undefined,
      false,
      "leistung",
    ],
    [
      "Kfz-Zulassung: a große kreisangehörige Stadt",
      leistung(10439, "2/3"),
      "grosse_kreisangehoerige_stadt",
      undefined,
      true,
      "leistung",
    ],
    [
      "Kfz-Zulassung: not a mittlere",
      leistung(10439, "2/3"),
      "mittlere_kreisangehoerige_stadt",
      undefined,
      false,
      "leistung",
    ],
    [
      "the Kommune's 'nicht zuständig' beats every rule",
      leistung(10000, "2/3"),
      "kreis",
      "nicht_zustaendig",
      false,
      "kommune",
    ],
    [
      "a Kommune offering a Leistung is responsible for it",
      leistung(10000, "2/3"),
      "kreisangehoerige_gemeinde",
      "online",
      true,
      "kommune",
    ],
    [
      "even when it only records it as open",
      leistung(10172, "1"),
      "kreis",
      "offen",
      true,
      "kommune",
    ],
  ])("%s", (_name, item, type, recorded, responsible, reason) => {
    expect(responsibilityFor(item, type, testRules, recorded)).toEqual({ responsible, reason });
  });

  it("follows an edited rule table", () => {
    const edited = toResponsibilityRules([
      { leikaType: "2/3", ozgId: null, responsibleTypes: ["kreisangehoerige_gemeinde"] },
    ]);
    expect(responsibilityFor(leistung(10000, "2/3"), "kreisangehoerige_gemeinde", edited)).toEqual({
      responsible: true,
      reason: "leika_typ",
    });
    expect(responsibilityFor(leistung(10000, "2/3"), "kreis", edited).responsible).toBe(false);
  });
});

describe("rule helpers", () => {
  it("documents a default rule for every LeiKa-Typ key", () => {
    expect(DEFAULT_LEIKA_TYPE_RULES.map((rule) => rule.leikaType)).toEqual([
      "1",
      "2/3",
      "4",
      "5",
      "6",
    ]);
    for (const rule of DEFAULT_LEIKA_TYPE_RULES) expect(rule.basis).toMatch(/^Typ /);
  });

  it.each<[LeikaType, string]>([
    ["2", "2/3"],
    ["3", "2/3"],
    ["2/3", "2/3"],
    ["5", "5"],
  ])("folds LeiKa-Typ %s into rule %s", (type, key) => {
    expect(ruleKeyOf(type)).toBe(key);
  });

  it.each<[Parameters<typeof kommuneTypeOf>[0], ResponsibleType | undefined]>([
    [{ kind: "kreis", kreisType: "kreis" }, "kreis"],
    [{ kind: "kreis", kreisType: "staedteregion" }, "staedteregion"],
    [
      { kind: "gemeinde", municipalityType: "kreisangehoerige_gemeinde" },
      "kreisangehoerige_gemeinde",
    ],
    [{ kind: "regierungsbezirk" }, undefined],
  ])("gives %j the Kommune type %s", (organisation, type) => {
    expect(kommuneTypeOf(organisation)).toBe(type);
  });

  it("puts the StädteRegion with the Kreise and Aachen with the kreisfreie Städte", () => {
    expect(peerClassOf("staedteregion")).toBe("kreis");
    expect(peerClassOf("regionsangehoerige_stadt_aachen")).toBe("kreisfreie_stadt");
    expect(peerClassOf("mittlere_kreisangehoerige_stadt")).toBe("mittlere_kreisangehoerige_stadt");
  });
});
