import type { SourcingVersionRecord } from "@it-atlas/db";
import {
  mapHeader,
  readRow,
  SOURCING_SHEET,
  toSourcingImportRow,
  type Principal,
  type RawCell,
  type SourcingImportRow,
} from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { planSourcingImport, ReferenceIndex } from "./sourcingPlan.ts";

const ADMIN: Principal = {
  kind: "user",
  userId: 1,
  email: "admin@example.org",
  displayName: "Admin",
  roles: [{ role: "administrator", organisationKey: null, providerId: null }],
  via: "session",
};

const INDEX = new ReferenceIndex({
  organisations: [{ key: "05766020", ars: "057660020020", kind: "gemeinde", name: "Detmold" }],
  domains: [
    { id: "einwohnerwesen", name: "Einwohnerwesen", isGroup: false, volumeUnit: "einwohner" },
  ],
  providers: [
    { id: "krz", shortName: "krz", name: "krz Lemgo", status: "active", endedOn: null },
    { id: "owl-it", shortName: "OWL-IT", name: "OWL-IT", status: "active", endedOn: null },
  ],
  products: [{ id: "ewo-neu", name: "EWO Neu", vendor: "V", domainIds: ["einwohnerwesen"] }],
});

/** Detmold's Einwohnerwesen from 2027 with product, volume, contract end and investment. */
const STORED: SourcingVersionRecord = {
  id: 7,
  organisationKey: "05766020",
  domainId: "einwohnerwesen",
  validFrom: "2027-01-01",
  validTo: null,
  operatingModel: "it_dienstleister",
  providerId: "krz",
  partnerKey: null,
  productId: "ewo-neu",
  runningCost: 120_000,
  investmentCost: 8_000,
  volume: 74_000,
  contractEnd: "2030-12-31",
  satisfaction: 4,
};

function rows(header: string[], ...lines: RawCell[][]): SourcingImportRow[] {
  const { mapping, problems } = mapHeader(SOURCING_SHEET, header, "Bezüge");
  expect(problems).toEqual([]);
  return lines.map((cells, index) => {
    const checked = toSourcingImportRow(readRow(mapping, cells, index + 2, "Bezüge"), "Bezüge");
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return checked.value;
  });
}

describe("planSourcingImport with fewer columns", () => {
  it("keeps every value whose column is missing from the file (a missing column means unchanged)", () => {
    const file = rows(
      [
        "AGS",
        "Leistungsbereich",
        "Betriebsmodell",
        "IT-Dienstleister",
        "Laufende Kosten (€/Jahr)",
        "Gültig ab",
      ],
      ["05766020", "einwohnerwesen", "IT-Dienstleister", "krz", 130_000, "01.01.2027"],
    );
    const plan = planSourcingImport(file, INDEX, [STORED], ADMIN);
    expect(plan.problems).toEqual([]);
    expect(plan.counts.changed).toBe(1);
    expect(plan.rows[0]?.content).toEqual({
      operatingModel: "it_dienstleister",
      providerId: "krz",
      partnerKey: null,
      productId: "ewo-neu",
      runningCost: 130_000,
      investmentCost: 8_000,
      volume: 74_000,
      contractEnd: "2030-12-31",
      satisfaction: 4,
    });
  });

  it("lists every changed value field by field, including values a present empty cell clears", () => {
    const file = rows(
      [
        "AGS",
        "Leistungsbereich",
        "Betriebsmodell",
        "IT-Dienstleister",
        "Produkt",
        "Menge",
        "Gültig ab",
      ],
      ["05766020", "einwohnerwesen", "IT-Dienstleister", "OWL-IT", null, 74_000, "01.01.2027"],
    );
    const plan = planSourcingImport(file, INDEX, [STORED], ADMIN);
    expect(plan.fieldChanges).toEqual([
      {
        sheet: "Bezüge",
        row: 2,
        subject: "Detmold (05766020), Einwohnerwesen ab 01.01.2027",
        column: "IT-Dienstleister",
        before: "krz",
        after: "OWL-IT",
      },
      {
        sheet: "Bezüge",
        row: 2,
        subject: "Detmold (05766020), Einwohnerwesen ab 01.01.2027",
        column: "Produkt",
        before: "EWO Neu",
        after: null,
      },
    ]);
  });

  it("asks for the provider when the model needs one and the column is missing for a new row", () => {
    const file = rows(
      ["AGS", "Leistungsbereich", "Betriebsmodell", "Gültig ab"],
      ["05766020", "einwohnerwesen", "IT-Dienstleister", "01.01.2026"],
    );
    const plan = planSourcingImport(file, INDEX, [], ADMIN);
    expect(plan.counts.invalid).toBe(1);
    expect(plan.problems[0]?.message).toMatch(/Spalte „IT-Dienstleister“/);
  });

  it("drops the stored provider when the file switches to eigener Betrieb without a provider column", () => {
    const file = rows(
      ["AGS", "Leistungsbereich", "Betriebsmodell", "Gültig ab"],
      ["05766020", "einwohnerwesen", "Eigener Betrieb", "01.01.2027"],
    );
    const plan = planSourcingImport(file, INDEX, [STORED], ADMIN);
    expect(plan.problems).toEqual([]);
    expect(plan.rows[0]?.content).toMatchObject({
      operatingModel: "eigenbetrieb",
      providerId: null,
      productId: "ewo-neu",
      volume: 74_000,
    });
  });
});
