import { describe, expect, it } from "vitest";
import { roleFieldId, roleFieldLabel, toRoleAssignments } from "./roleDrafts.ts";

describe("role drafts", () => {
  it("sends a scope only with the role that needs it", () => {
    expect(
      toRoleAssignments([
        {
          role: "leser",
          organisationKey: "05766020",
          organisationName: "Detmold",
          providerId: "sit",
        },
        {
          role: "kommune_bearbeiter",
          organisationKey: "05766020",
          organisationName: "",
          providerId: "sit",
        },
        {
          role: "dienstleister_bearbeiter",
          organisationKey: "",
          organisationName: "",
          providerId: "",
        },
      ]),
    ).toEqual([
      { role: "leser", organisationKey: null, providerId: null },
      { role: "kommune_bearbeiter", organisationKey: "05766020", providerId: null },
      { role: "dienstleister_bearbeiter", organisationKey: null, providerId: null },
    ]);
  });

  it("places the server's field paths at the role rows", () => {
    expect(roleFieldId("p", "roles.1.organisationKey")).toBe("p-roles-1-organisationKey");
    expect(roleFieldId("p", "roles.0")).toBe("p-roles-0-role");
    expect(roleFieldId("p", "roles")).toBe("p-roles");
    expect(roleFieldId("p", "email")).toBeUndefined();
    expect(roleFieldLabel("roles.1.providerId")).toBe("Rolle 2: IT-Dienstleister");
  });
});
