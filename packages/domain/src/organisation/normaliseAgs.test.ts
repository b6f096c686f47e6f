import { describe, expect, it } from "vitest";
import { normaliseAgs } from "./normaliseAgs.ts";

describe("normaliseAgs", () => {
  it.each([
    ["5766020", "05766020"],
    ["5766", "05766"],
    [" 05766020 ", "05766020"],
    ["05766", "05766"],
    ["12345", "12345"],
    ["abc", "abc"],
  ])("turns %j into %j", (input, expected) => {
    expect(normaliseAgs(input)).toBe(expected);
  });
});
