import { describe, expect, it } from "vitest";
import { progressState, progressStateLabel, ResponseStatus } from "./SurveyResponse.ts";

describe("progressState", () => {
  it("calls a draft without a saved answer „nicht begonnen“ and a draft with one „in Bearbeitung“", () => {
    expect(progressState("draft", false)).toBe("not_started");
    expect(progressStateLabel[progressState("draft", false)]).toBe("Nicht begonnen");
    expect(progressState("draft", true)).toBe("draft");
    expect(progressStateLabel[progressState("draft", true)]).toBe("In Bearbeitung");
  });

  it("keeps every other state as it is", () => {
    for (const status of ResponseStatus.options.filter((value) => value !== "draft")) {
      expect(progressState(status, false)).toBe(status);
      expect(progressState(status, true)).toBe(status);
    }
  });
});
