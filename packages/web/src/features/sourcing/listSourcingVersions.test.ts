import { describe, expect, it } from "vitest";
import { buildSourcing } from "./buildSourcing.testing.ts";
import { listSourcingVersions } from "./listSourcingVersions.ts";

const owl = { id: "owl-it", shortName: "OWL-IT", name: "OWL-IT", status: "active" as const };
const krz = { id: "krz", shortName: "krz", name: "krz", status: "renamed" as const };

describe("listSourcingVersions", () => {
  it("lists versions newest first and names no change for the first one", () => {
    const versions = listSourcingVersions([
      buildSourcing({ id: 2, validFrom: "2024-01-01", provider: owl }),
      buildSourcing({ id: 1, validFrom: "2016-01-01", validTo: "2024-01-01", provider: krz }),
    ]);
    expect(versions.map((version) => version.sourcing.id)).toEqual([2, 1]);
    expect(versions[1]).toMatchObject({ previous: null, changed: [] });
  });

  it("reports a provider change by its Kennung, not by its name", () => {
    const renamedOnly = { ...krz, name: "Neuer Name", shortName: "neu" };
    const versions = listSourcingVersions([
      buildSourcing({ id: 1, validFrom: "2016-01-01", provider: krz }),
      buildSourcing({ id: 2, validFrom: "2020-01-01", provider: renamedOnly }),
      buildSourcing({ id: 3, validFrom: "2024-01-01", provider: owl }),
    ]);
    expect(versions.map((version) => version.changed)).toEqual([["provider"], [], []]);
  });

  it.each([
    [{ operatingModel: "eigenbetrieb" as const, provider: null }, ["operatingModel", "provider"]],
    [{ runningCost: 1, investmentCost: 2 }, ["runningCost", "investmentCost"]],
    [{ product: { id: "andere", name: "Andere", vendor: "X" } }, ["product"]],
    [{ partner: { ags: "05766008", name: "Lage" } }, ["partner"]],
    [
      { volume: 10, contractEnd: "2030-12-31", satisfaction: 5 },
      ["volume", "contractEnd", "satisfaction"],
    ],
    [{ changeReason: "Korrektur", annualCost: 999 }, []],
  ])("detects the changed fields of %j", (change, fields) => {
    const before = buildSourcing({ id: 1, validFrom: "2020-01-01" });
    const after = buildSourcing({ id: 2, validFrom: "2025-01-01", ...change });
    expect(listSourcingVersions([after, before])[0]?.changed).toEqual(fields);
  });

  it("orders versions of the same day by id", () => {
    const versions = listSourcingVersions([
      buildSourcing({ id: 5, validFrom: "2025-01-01", satisfaction: 2 }),
      buildSourcing({ id: 4, validFrom: "2025-01-01", satisfaction: 3 }),
    ]);
    expect(versions.map((version) => [version.sourcing.id, version.changed])).toEqual([
      [5, ["satisfaction"]],
      [4, []],
    ]);
  });
});
