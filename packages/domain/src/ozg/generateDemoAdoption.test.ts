import { describe, expect, it } from "vitest";
import { DEMO_ONLINE_SERVICES } from "./demoOnlineServices.ts";
import { generateDemoAdoption, type DemoAdoptionInput } from "./generateDemoAdoption.ts";
import { testRules } from "./ozgFixtures.testing.ts";
import { responsibilityFor } from "./responsibility.ts";

const input: DemoAdoptionInput = {
  kommunen: [
    { key: "05766", type: "kreis", population: 340_000 },
    { key: "05766020", type: "mittlere_kreisangehoerige_stadt", population: 74_000 },
    { key: "05766008", type: "kreisangehoerige_gemeinde", population: 9_000 },
    { key: "05111000", type: "kreisfreie_stadt", population: 620_000 },
  ],
  leistungen: [
    { id: 10124, leikaTypes: ["2/3"] },
    { id: 10559, leikaTypes: ["2/3"] },
    { id: 10439, leikaTypes: ["2/3"] },
    { id: 10000, leikaTypes: ["2/3"] },
    { id: 10110, leikaTypes: ["2/3", "4", "5"] },
    { id: 10172, leikaTypes: ["1"] },
  ],
  rules: testRules,
  services: DEMO_ONLINE_SERVICES,
  seed: 42,
  from: "2025-01-01",
  to: "2026-05-01",
};

describe("generateDemoAdoption", () => {
  const records = generateDemoAdoption(input);

  it("is deterministic", () => {
    expect(generateDemoAdoption(input)).toEqual(records);
    expect(generateDemoAdoption({ ...input, seed: 43 })).not.toEqual(records);
  });

  it("records Leistungen only where the rule makes the Kommune responsible", () => {
    for (const record of records.filter((item) => item.ozgId !== null)) {
      const kommune = input.kommunen.find((item) => item.key === record.organisationKey)!;
      const leistung = input.leistungen.find((item) => item.id === record.ozgId)!;
      expect(responsibilityFor(leistung, kommune.type, input.rules).responsible).toBe(true);
    }
  });

  it("puts a service online only when its base components are connected", () => {
    for (const record of records) {
      if (record.status !== "online" || record.onlineServiceId === null || record.ozgId === null)
        continue;
      const service = DEMO_ONLINE_SERVICES.find((item) => item.id === record.onlineServiceId)!;
      for (const component of service.dependencies) {
        expect(
          records.find(
            (item) =>
              item.organisationKey === record.organisationKey && item.component === component,
          )?.status,
        ).toBe("online");
      }
    }
  });

  it("dates information within the range and plans after it", () => {
    for (const record of records) {
      expect(record.informationDate >= input.from && record.informationDate <= input.to).toBe(true);
      if (record.plannedDate !== null) expect(record.plannedDate > input.to).toBe(true);
      expect(record.plannedDate !== null).toBe(
        record.status === "geplant" || record.status === "in_anbindung",
      );
    }
  });
});
