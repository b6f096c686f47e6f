import { describe, expect, it } from "vitest";
import { buildMeasure } from "./buildMeasure.testing.ts";
import {
  EMPTY_MEASURE_FORM,
  scheduleFlags,
  toFormValues,
  toMeasureWrite,
} from "./measureFormValues.ts";

describe("measure form values", () => {
  it("reads Kommunen separated by commas, spaces or semicolons, once each", () => {
    const body = toMeasureWrite({
      ...EMPTY_MEASURE_FORM,
      title: "  Rollout  ",
      kommuneKeys: "05766020, 05766008;05766020  05766",
      wave: "2",
      team: [
        { userId: "4", expertRole: "it_leitung" },
        { userId: "", expertRole: "fachexpertin" },
      ],
    });
    expect(body).toMatchObject({
      title: "Rollout",
      kommuneKeys: ["05766020", "05766008", "05766"],
      wave: 2,
      team: [{ userId: 4, expertRole: "it_leitung" }],
      startDate: null,
      description: null,
    });
  });

  it("keeps what the form does not edit when saving a measure again", () => {
    const saved = buildMeasure({ strategyId: 3, strategyDomainId: "einwohnerwesen" });
    const body = toMeasureWrite(toFormValues(saved), saved);
    expect(body).toMatchObject({
      kommuneKeys: ["05766020"],
      domainIds: ["einwohnerwesen"],
      providerIds: ["regio-it"],
      strategyId: 3,
      strategyDomainId: "einwohnerwesen",
      oneOffCost: 40000,
      wave: 1,
    });
  });

  it("names overdue and blocked in words", () => {
    expect(scheduleFlags({ overdue: true, blocked: true })).toEqual(["überfällig", "blockiert"]);
    expect(scheduleFlags({ overdue: false, blocked: false })).toEqual([]);
  });
});
