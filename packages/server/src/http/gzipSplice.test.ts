import fc from "fast-check";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipWithSuffix, preparePrefix } from "./gzipSplice.ts";

describe("gzipWithSuffix", () => {
  it("decompresses to prefix + suffix for any text, umlauts and emoji included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 3000 }),
        fc.string(),
        async (a, b) => {
          const prefix = await preparePrefix(a);
          expect(gunzipSync(gzipWithSuffix(prefix, b)).toString("utf8")).toBe(a + b);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reuses one prepared prefix for many endings (a large landscape page)", async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => ({
      ags: String(5_766_000 + index),
      name: `Kommune ${index} – Lügde`,
    }));
    const prefix = await preparePrefix(`{"items":${JSON.stringify(rows)},"total":5000,"asOf":`);
    for (const day of ["2017-12-31", "2026-11-27"]) {
      const body = JSON.parse(gunzipSync(gzipWithSuffix(prefix, `"${day}"}`)).toString("utf8"));
      expect(body.asOf).toBe(day);
      expect(body.items).toHaveLength(5000);
    }
  });
});
