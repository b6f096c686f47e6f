import { describe, expect, it } from "vitest";
import { tokenStatus } from "./tokenStatus.ts";

const base = {
  id: 1,
  name: "Import",
  prefix: "atlas_AbCdEf",
  createdAt: "2025-01-01T08:00:00Z",
  expiresAt: "2026-01-01T08:00:00Z",
  lastUsedAt: null,
  revokedAt: null,
};
const now = Date.parse("2025-06-01T00:00:00Z");

describe("tokenStatus", () => {
  it("calls a token valid until it expires", () => {
    expect(tokenStatus(base, now)).toBe("active");
    expect(tokenStatus({ ...base, expiresAt: null }, now)).toBe("active");
    expect(tokenStatus({ ...base, expiresAt: "2025-05-31T23:59:59Z" }, now)).toBe("expired");
  });

  it("reports revocation even for an expired token", () => {
    expect(
      tokenStatus(
        { ...base, expiresAt: "2025-01-02T00:00:00Z", revokedAt: "2025-01-01T09:00:00Z" },
        now,
      ),
    ).toBe("revoked");
  });
});
