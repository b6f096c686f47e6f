import { describe, expect, it } from "vitest";
import { toReorganisationRequest, type ReorganisationFormValues } from "./reorganisationForm.ts";

const values: ReorganisationFormValues = {
  kind: "merger",
  sourceProviderIds: ["kaaw", "gkd-re"],
  targetMode: "new",
  targetProviderId: "owl-it",
  newProviderId: " muensterland-it ",
  newShortName: "Münsterland-IT",
  newName: "Münsterland-IT AöR",
  organisationKey: "05766020",
  effectiveDate: "2026-07-01",
  note: "",
};

describe("toReorganisationRequest", () => {
  it("creates a new target provider for a merger into a new one", () => {
    expect(toReorganisationRequest(values)).toEqual({
      kind: "merger",
      sourceProviderIds: ["kaaw", "gkd-re"],
      target: {
        providerId: "muensterland-it",
        shortName: "Münsterland-IT",
        name: "Münsterland-IT AöR",
      },
      effectiveDate: "2026-07-01",
      note: undefined,
    });
  });

  it("names only the existing target and the Kommune for a member move", () => {
    expect(
      toReorganisationRequest({
        ...values,
        kind: "member_move",
        targetMode: "existing",
        note: " Beschluss ",
      }),
    ).toEqual({
      kind: "member_move",
      sourceProviderIds: ["kaaw", "gkd-re"],
      target: { providerId: "owl-it" },
      organisationKey: "05766020",
      effectiveDate: "2026-07-01",
      note: "Beschluss",
    });
  });

  it("always creates a new provider for a rename, whatever was chosen before", () => {
    const request = toReorganisationRequest({ ...values, kind: "rename", targetMode: "existing" });
    expect(request.target.providerId).toBe("muensterland-it");
    expect(request).not.toHaveProperty("organisationKey");
  });
});
