import { describe, expect, it } from "vitest";
import type { Sourcing } from "../landscape/Sourcing.ts";
import type { Principal } from "./Principal.ts";
import { ANONYMOUS } from "./Principal.ts";
import { can, canSeeConfidential, visibilityKey, type Permission } from "./permissions.ts";
import { redactSourcing } from "./redactSourcing.ts";
import type { RoleAssignment } from "./Role.ts";

function user(...roles: Array<Partial<RoleAssignment> & Pick<RoleAssignment, "role">>): Principal {
  return {
    kind: "user",
    userId: 1,
    email: "test@example.org",
    displayName: "Test",
    via: "session",
    roles: roles.map((role) => ({ organisationKey: null, providerId: null, ...role })),
  };
}

const admin = user({ role: "administrator" });
const analyst = user({ role: "kdn_analyst" });
const detmold = user({ role: "kommune_bearbeiter", organisationKey: "05766020" });
const owlIt = user({ role: "dienstleister_bearbeiter", providerId: "owl-it" });
const reader = user({ role: "leser" });

describe("can", () => {
  it.each<[string, Principal, Permission, boolean]>([
    ["anonymous reads public facts", ANONYMOUS, "public:read", true],
    ["anonymous does not read the landscape", ANONYMOUS, "landscape:read", false],
    ["a Leser reads the landscape", reader, "landscape:read", true],
    ["a Leser does not edit sourcing", reader, "sourcing:edit", false],
    ["an analyst previews reorganisations", analyst, "reorganisation:preview", true],
    ["an analyst does not apply them", analyst, "reorganisation:apply", false],
    ["an administrator manages users", admin, "users:manage", true],
    ["an analyst does not manage users", analyst, "users:manage", false],
    ["an analyst edits measures", analyst, "measures:edit", true],
    ["a Kommune-Bearbeiter does not edit measures", detmold, "measures:edit", false],
    ["a Leser does not edit measures", reader, "measures:edit", false],
    ["an analyst records decisions of a Gremium", analyst, "governance:record", true],
    ["a provider editor does not record decisions", owlIt, "governance:record", false],
    ["a Leser comments", reader, "comments:write", true],
    ["anonymous does not comment", ANONYMOUS, "comments:write", false],
    ["a Leser reads its notifications", reader, "notifications:own", true],
    ["anonymous has no notifications", ANONYMOUS, "notifications:own", false],
  ])("%s", (_name, principal, permission, expected) => {
    expect(can(principal, permission)).toBe(expected);
  });

  it("lets a Kommune-Bearbeiter edit only its own Kommune", () => {
    expect(can(detmold, "sourcing:edit", { organisationKey: "05766020" })).toBe(true);
    expect(can(detmold, "sourcing:edit", { organisationKey: "05766008" })).toBe(false);
    expect(can(detmold, "sourcing:edit", {})).toBe(false);
  });

  it("lets one person edit for several Kommunen (a Zweckverband for its members)", () => {
    const both = user(
      { role: "kommune_bearbeiter", organisationKey: "05766020" },
      { role: "kommune_bearbeiter", organisationKey: "05766008" },
    );
    expect(can(both, "sourcing:edit", { organisationKey: "05766008" })).toBe(true);
  });
});

describe("Kennzahlen and Expertenverzeichnis", () => {
  it("lets KDN analysts and administrators take KPI snapshots, nobody else", () => {
    expect(can(analyst, "kpi:snapshot")).toBe(true);
    expect(can(admin, "kpi:snapshot")).toBe(true);
    expect(can(detmold, "kpi:snapshot")).toBe(false);
    expect(can(reader, "kpi:snapshot")).toBe(false);
  });

  it("lets a Kommune-Bearbeiter edit only its own Kommune's experts", () => {
    expect(can(detmold, "experts:edit", { organisationKey: "05766020" })).toBe(true);
    expect(can(detmold, "experts:edit", { organisationKey: "05766044" })).toBe(false);
    expect(can(analyst, "experts:edit", { organisationKey: "05766020" })).toBe(false);
    expect(can(admin, "experts:edit", { organisationKey: "05766044" })).toBe(true);
  });
});

describe("OZG adoption and service exchange", () => {
  it("lets a Kommune-Bearbeiter change only its own Kommune's adoption status", () => {
    expect(can(detmold, "adoption:edit", { organisationKey: "05766020" })).toBe(true);
    expect(can(detmold, "adoption:edit", { organisationKey: "05766008" })).toBe(false);
    expect(can(admin, "adoption:edit", { organisationKey: "05766008" })).toBe(true);
    expect(can(analyst, "adoption:edit", { organisationKey: "05766020" })).toBe(false);
    expect(can(owlIt, "adoption:edit", { organisationKey: "05766020" })).toBe(false);
  });

  it("lets Kommune-Bearbeiter and administrators import (rows are checked per Kommune)", () => {
    expect(can(detmold, "adoption:import")).toBe(true);
    expect(can(admin, "adoption:import")).toBe(true);
    expect(can(reader, "adoption:import")).toBe(false);
    expect(can(owlIt, "adoption:import")).toBe(false);
  });

  it("lets only roles that write imported data upload Excel/CSV imports", () => {
    expect(can(detmold, "imports:upload")).toBe(true);
    expect(can(owlIt, "imports:upload")).toBe(true);
    expect(can(admin, "imports:upload")).toBe(true);
    expect(can(reader, "imports:upload")).toBe(false);
    expect(can(analyst, "imports:upload")).toBe(false);
  });

  it("lets a Kommune or provider register interest only for itself", () => {
    expect(can(detmold, "exchange:interest", { organisationKey: "05766020" })).toBe(true);
    expect(can(detmold, "exchange:interest", { organisationKey: "05766008" })).toBe(false);
    expect(can(owlIt, "exchange:interest", { providerId: "owl-it" })).toBe(true);
    expect(can(owlIt, "exchange:interest", { providerId: "sit" })).toBe(false);
    expect(can(reader, "exchange:interest", { organisationKey: "05766020" })).toBe(false);
  });

  it("leaves agreements and the OZG rules to administrators", () => {
    expect(can(admin, "exchange:agreement")).toBe(true);
    expect(can(analyst, "exchange:agreement")).toBe(false);
    expect(can(admin, "ozg:configure")).toBe(true);
    expect(can(detmold, "ozg:configure")).toBe(false);
  });

  it("leaves master data (Kommunen, products, memberships) to administrators", () => {
    expect(can(admin, "masterdata:edit")).toBe(true);
    for (const principal of [analyst, detmold, owlIt, reader, ANONYMOUS]) {
      expect(can(principal, "masterdata:edit")).toBe(false);
    }
  });

  it("lets a provider's editor change only that provider's offers", () => {
    expect(can(owlIt, "offer:edit", { providerId: "owl-it" })).toBe(true);
    expect(can(owlIt, "offer:edit", { providerId: "sit" })).toBe(false);
    expect(can(admin, "offer:edit", { providerId: "sit" })).toBe(true);
    expect(can(detmold, "offer:edit", { providerId: "owl-it" })).toBe(false);
  });
});

describe("canSeeConfidential", () => {
  it("shows a Kommune's costs to itself, to its provider for that service, and to KDN", () => {
    const relation = { organisationKey: "05766020", providerId: "owl-it" };
    expect(canSeeConfidential(detmold, relation)).toBe(true);
    expect(canSeeConfidential(owlIt, relation)).toBe(true);
    expect(canSeeConfidential(analyst, relation)).toBe(true);
    expect(canSeeConfidential(reader, relation)).toBe(false);
    expect(canSeeConfidential(ANONYMOUS, relation)).toBe(false);
  });

  it("does not show a provider the costs of services it does not provide", () => {
    expect(canSeeConfidential(owlIt, { organisationKey: "05766020", providerId: "sit" })).toBe(
      false,
    );
    expect(canSeeConfidential(owlIt, { organisationKey: "05766020", providerId: null })).toBe(
      false,
    );
  });
});

describe("redactSourcing", () => {
  const sourcing = {
    organisation: { ags: "05766020", name: "Detmold", kind: "gemeinde", population: 1 },
    provider: { id: "sit", shortName: "SIT", name: "SIT", status: "active" },
    annualCost: 10,
    runningCost: 8,
    investmentCost: 2,
    volume: 5,
    contractEnd: "2027-01-01",
    satisfaction: 4,
    confidentialHidden: false,
  } as unknown as Sourcing;

  it("hides costs, volume, contract and satisfaction but keeps who provides what", () => {
    const hidden = redactSourcing(owlIt, sourcing);
    expect(hidden).toMatchObject({
      annualCost: null,
      runningCost: null,
      investmentCost: null,
      volume: null,
      contractEnd: null,
      satisfaction: null,
      confidentialHidden: true,
      provider: { id: "sit" },
    });
    expect(redactSourcing(detmold, sourcing)).toBe(sourcing);
  });
});

describe("visibilityKey", () => {
  it("groups principals that see the same figures", () => {
    expect(visibilityKey(ANONYMOUS)).toBe("anonymous");
    expect(visibilityKey(admin)).toBe("all");
    expect(visibilityKey(analyst)).toBe("all");
    expect(visibilityKey(reader)).toBe("none");
    expect(visibilityKey(detmold)).toBe("o:05766020");
    expect(visibilityKey(user({ role: "dienstleister_bearbeiter", providerId: "sit" }))).toBe(
      "p:sit",
    );
  });
});

describe("corrections of public facts", () => {
  it("lets Kommune- and Dienstleister-Bearbeiter propose only for their own organisation", () => {
    expect(can(detmold, "corrections:propose")).toBe(true);
    expect(can(owlIt, "corrections:propose")).toBe(true);
    expect(can(reader, "corrections:propose")).toBe(false);
    expect(can(analyst, "corrections:propose")).toBe(false);
    expect(can(detmold, "corrections:propose", { organisationKey: "05766020" })).toBe(true);
    expect(can(detmold, "corrections:propose", { organisationKey: "05766008" })).toBe(false);
    expect(
      can(owlIt, "corrections:propose", { organisationKey: "05766020", providerId: "owl-it" }),
    ).toBe(true);
    expect(can(owlIt, "corrections:propose", { providerId: "sit" })).toBe(false);
  });

  it("lets only KDN analysts and administrators decide", () => {
    expect(can(analyst, "corrections:decide")).toBe(true);
    expect(can(admin, "corrections:decide")).toBe(true);
    expect(can(detmold, "corrections:decide")).toBe(false);
    expect(can(owlIt, "corrections:decide")).toBe(false);
  });
});
