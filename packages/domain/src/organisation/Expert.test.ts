import { describe, expect, it } from "vitest";
import { ExpertInput } from "./Expert.ts";

const base = { name: "Erika Muster", function: "IT-Leitung", email: "it@example.org" };

describe("ExpertInput", () => {
  it("takes minimal data and defaults the optional fields", () => {
    expect(ExpertInput.parse({ ...base, role: "it_leitung" })).toEqual({
      ...base,
      role: "it_leitung",
      domainId: null,
      phone: null,
    });
  });

  it.each([
    ["a Fachexpert*in without Leistungsbereich", { role: "fachexpertin" }, "domainId"],
    ["a Leistungsbereich for the IT-Leitung", { role: "it_leitung", domainId: "x" }, "domainId"],
    ["an invalid e-mail", { role: "it_leitung", email: "keine" }, "email"],
    ["letters in the phone number", { role: "it_leitung", phone: "ruf an" }, "phone"],
  ])("refuses %s", (_name, fields, path) => {
    const result = ExpertInput.safeParse({ ...base, ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
