import { describe, expect, it } from "vitest";
import { formatDecimal, formatInteger, formatIsoDate, toHref } from "./format.ts";

describe("German formatting", () => {
  it("groups thousands with a dot and uses a decimal comma", () => {
    expect(formatInteger(17_890_489)).toBe("17.890.489");
    expect(formatDecimal(129.39)).toBe("129,39");
    expect(formatInteger(null)).toBe("–");
  });

  it("shows ISO days as dd.mm.yyyy and keeps imprecise wording", () => {
    expect(formatIsoDate("2018-01-01")).toBe("01.01.2018");
    expect(formatIsoDate("2011 (Herbst)")).toBe("2011 (Herbst)");
  });

  it("links bare domains over https", () => {
    expect(toHref("sit.nrw")).toBe("https://sit.nrw");
    expect(toHref("http://bonn.de")).toBe("http://bonn.de");
  });
});
