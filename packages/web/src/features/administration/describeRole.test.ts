import { describe, expect, it } from "vitest";
import { describeRole } from "./describeRole.ts";

const names = {
  organisation: (key: string) => (key === "05766020" ? "Detmold" : undefined),
  provider: (id: string) => (id === "owl-it" ? "OWL-IT" : undefined),
};

describe("describeRole", () => {
  it("names the Kommune or provider a role is scoped to", () => {
    expect(
      describeRole(
        { role: "kommune_bearbeiter", organisationKey: "05766020", providerId: null },
        names,
      ),
    ).toBe("Kommune-Bearbeiter: Detmold (05766020)");
    expect(
      describeRole(
        { role: "dienstleister_bearbeiter", organisationKey: null, providerId: "owl-it" },
        names,
      ),
    ).toBe("Dienstleister-Bearbeiter: OWL-IT");
    expect(describeRole({ role: "leser", organisationKey: null, providerId: null }, names)).toBe(
      "Leser",
    );
  });

  it("falls back to the key while the name is unknown", () => {
    expect(
      describeRole(
        { role: "kommune_bearbeiter", organisationKey: "05766008", providerId: null },
        names,
      ),
    ).toBe("Kommune-Bearbeiter: 05766008");
  });
});
