import { describe, expect, it } from "vitest";
import { comparisonNames } from "./comparisonNames.ts";

describe("comparisonNames", () => {
  it("names domains and providers, eigener Betrieb for none, ids when unknown", () => {
    const { describeChanges, providerName } = comparisonNames({
      domains: [{ id: "einwohnerwesen", name: "Einwohnerwesen" }],
      providers: [{ id: "krz", name: "krz Lemgo" }],
    });
    expect(
      describeChanges([
        { domainId: "einwohnerwesen", fromProviderId: null, toProviderId: "krz" },
        { domainId: "kasse", fromProviderId: "krz", toProviderId: "x" },
      ]),
    ).toBe("Einwohnerwesen: eigener Betrieb → krz Lemgo; kasse: krz Lemgo → x");
    expect(providerName(null)).toBe("eigener Betrieb");
  });
});
