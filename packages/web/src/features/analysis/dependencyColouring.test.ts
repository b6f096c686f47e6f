import { describe, expect, it } from "vitest";
import { NEUTRAL_FILL } from "../../map/palette.ts";
import {
  DEPENDENCY_CLASSES,
  dependencyClassOf,
  dependencyColouring,
} from "./dependencyColouring.ts";

describe("dependencyColouring", () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [5, 4],
    [12, 4],
  ])("puts %d providers into class %d", (count, index) => {
    expect(dependencyClassOf(count)).toBe(DEPENDENCY_CLASSES[index]);
  });

  it("colours known Kommunen by class, others neutral, and says it in words", () => {
    const colouring = dependencyColouring(new Map([["05766020", 3]]));
    expect(colouring.colourOf("05766020")).toBe("#3182bd");
    expect(colouring.colourOf("05111000")).toBe(NEUTRAL_FILL);
    expect(colouring.describe("05766020", "Detmold")).toBe("Detmold: 3 Anbieter");
    expect(colouring.describe("05111000", "Düsseldorf")).toBe("Düsseldorf: keine Angabe");
    expect(colouring.legend.at(-1)?.label).toBe("keine Angabe");
  });
});
