import { describe, expect, it } from "vitest";
import { currentSuccessorId, predecessorIds, successorChain, type LineageNode } from "./lineage.ts";

function nodes(entries: Array<[string, string | null]>): Map<string, LineageNode> {
  return new Map(entries.map(([id, successorId]) => [id, { id, successorId }]));
}

// The OWL-IT lineage of 01.01.2024 (data/nrw_it_dienstleister.csv).
const owl = nodes([
  ["krz", "owl-it"],
  ["gkd-paderborn", "owl-it"],
  ["owl-it-2017", "owl-it"],
  ["owl-it", null],
  ["sit", null],
]);

describe("provider lineage", () => {
  it("follows successors to today's provider", () => {
    expect(currentSuccessorId("krz", owl)).toBe("owl-it");
    expect(currentSuccessorId("sit", owl)).toBe("sit");
  });

  it("lists every predecessor of a merged provider", () => {
    expect(predecessorIds("owl-it", owl)).toEqual(["gkd-paderborn", "krz", "owl-it-2017"]);
    expect(predecessorIds("sit", owl)).toEqual([]);
  });

  it("includes indirect predecessors and stops at cycles", () => {
    const chain = nodes([
      ["a", "b"],
      ["b", "c"],
      ["c", null],
      ["x", "y"],
      ["y", "x"],
    ]);
    expect(predecessorIds("c", chain)).toEqual(["a", "b"]);
    expect(successorChain("a", chain)).toEqual(["b", "c"]);
    expect(currentSuccessorId("x", chain)).toBe("y");
  });
});
