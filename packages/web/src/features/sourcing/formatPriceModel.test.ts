import { describe, expect, it } from "vitest";
import { formatEuro } from "./formatEuro.ts";
import { formatPriceModel } from "./formatPriceModel.ts";

const nbsp = (text: string) => text.replace(/\u00a0/g, " ");

describe("price and euro formats", () => {
  it.each([
    [135_000, "135.000 €"],
    [355.56, "355,56 €"],
    [0.5, "0,50 €"],
    [null, "–"],
  ])("formats %j as %j", (value, expected) => {
    expect(nbsp(formatEuro(value))).toBe(expected);
  });

  it("reads a price model as fixed part plus price per unit, in the singular", () => {
    const domain = { id: "rechenzentrum-hosting", name: "Hosting", volumeUnit: "arbeitsplaetze" };
    expect(nbsp(formatPriceModel({ fixedPrice: 4644, unitPrice: 355.56, domain }))).toBe(
      "fix 4.644 € + 355,56 € je Arbeitsplatz",
    );
    expect(
      nbsp(
        formatPriceModel({ fixedPrice: 0, unitPrice: 1, domain: { ...domain, volumeUnit: null } }),
      ),
    ).toBe("fix 0 € + 1 € je Einheit");
  });
});
