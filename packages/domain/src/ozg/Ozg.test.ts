import { describe, expect, it } from "vitest";
import { parseLeikaTypes } from "./Ozg.ts";

describe("parseLeikaTypes", () => {
  it.each([
    ["5", ["5"]],
    ["2/3", ["2/3"]],
    ["1, 2/3", ["1", "2/3"]],
    ["4; 4", ["4"]],
    ["", []],
    ["unbekannt", []],
  ])("splits %j into %j", (raw, expected) => {
    expect(parseLeikaTypes(raw)).toEqual(expected);
  });
});
