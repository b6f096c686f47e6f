import { describe, expect, it } from "vitest";
import {
  codeForStep,
  hashRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
} from "./totp.ts";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (Base32), cut to six digits.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors (six digits)", () => {
    expect(codeForStep(RFC_SECRET, Math.floor(59 / 30))).toBe("287082");
    expect(codeForStep(RFC_SECRET, Math.floor(1111111109 / 30))).toBe("081804");
    expect(codeForStep(RFC_SECRET, Math.floor(2000000000 / 30))).toBe("279037");
  });

  it("accepts a code one step either side and names its step; refuses two steps off", () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    for (const offset of [-1, 0, 1]) {
      expect(matchingStep(RFC_SECRET, codeForStep(RFC_SECRET, step + offset), now)).toBe(
        step + offset,
      );
    }
    expect(matchingStep(RFC_SECRET, codeForStep(RFC_SECRET, step + 2), now)).toBeUndefined();
    expect(matchingStep(RFC_SECRET, codeForStep(RFC_SECRET, step - 2), now)).toBeUndefined();
    const code = codeForStep(RFC_SECRET, step);
    expect(matchingStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
  });

  it("makes 160-bit Base32 secrets and tells codes from recovery codes", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(newTotpSecret());
    expect(isTotpCode("123 456")).toBe(true);
    expect(isTotpCode("abcd-efgh-jkmn-pqrs")).toBe(false);
  });

  it("makes distinct recovery codes whose hash ignores case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code] = codes;
    expect(hashRecoveryCode(code!)).toBe(
      hashRecoveryCode(code!.toUpperCase().replaceAll("-", " ")),
    );
    expect(hashRecoveryCode(code!)).not.toBe(hashRecoveryCode(codes[1]!));
  });
});
