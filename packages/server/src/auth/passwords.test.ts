import { InputError } from "@it-atlas/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CpuPool } from "../workers/cpuPool.ts";
import { assertPasswordPolicy, checkPasswordPolicy } from "./passwords.ts";

function refusal(password: string, personal: string[] = []): string | undefined {
  try {
    checkPasswordPolicy(password, { personal });
    return undefined;
  } catch (error) {
    return (error as Error & { detail?: string }).detail ?? (error as Error).message;
  }
}

describe("checkPasswordPolicy", () => {
  it("refuses the passwords an attacker tried first, with a German reason", () => {
    expect(refusal("aaaaaaaaaaaa")).toMatch(/zu leicht zu erraten/);
    expect(refusal("passwort1234")).toMatch(/zu leicht zu erraten/);
    expect(refusal("123456789012")).toMatch(/zu leicht zu erraten/);
    expect(refusal("qwertzuiopü1")).toMatch(/zu leicht zu erraten/);
    expect(refusal("kurz")).toMatch(/mindestens 12 Zeichen/);
    expect(refusal("x".repeat(257))).toMatch(/höchstens 256 Zeichen/);
  });

  it("refuses the account's e-mail address and name as the password", () => {
    const personal = ["erika.mustermann@kreis-lippe.example.org", "Erika Mustermann"];
    expect(refusal("erika.mustermann@kreis-lippe.example.org", personal)).toMatch(
      /weder Ihre E-Mail-Adresse noch Ihren Namen/,
    );
    expect(refusal("Erika-Mustermann", personal)).toMatch(
      /weder Ihre E-Mail-Adresse noch Ihren Namen/,
    );
    expect(refusal("ErikaMustermann!", personal)).toMatch(/Namen|zu leicht/);
  });

  it("accepts long passphrases of uncommon words", () => {
    expect(refusal("Dachs-Gurke-Fahrrad-93")).toBeUndefined();
    expect(refusal("Leuchtturm am Kanal, 7 Wiesen")).toBeUndefined();
    expect(refusal("Detmold-Bearbeitung-2026", ["detmold@example.org", "Detmold"])).toBeUndefined();
  });
});

describe("assertPasswordPolicy", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("checks in the CPU worker pool and refuses with the same German reason and field", async () => {
    const run = vi.spyOn(CpuPool.prototype, "run");
    const refusal = await assertPasswordPolicy("passwort1234", { field: "newPassword" }).catch(
      (error: unknown) => error,
    );
    expect(run).toHaveBeenCalledWith("password.check", {
      password: "passwort1234",
      context: { field: "newPassword" },
    });
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal).toMatchObject({
      code: "weak_password",
      detail: expect.stringMatching(/zu leicht zu erraten/) as unknown,
      problems: [{ field: "newPassword", message: "zu leicht zu erraten" }],
    });
    await expect(
      assertPasswordPolicy("Wolkenkratzer-Pinguin-Taschenlampe-Fjord"),
    ).resolves.toBeUndefined();
  });
});
