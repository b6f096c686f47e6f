// @vitest-environment node
import { readFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";

describe("generated API client types", () => {
  it("match the committed OpenAPI document (else: npm run generate-client -w @it-atlas/web)", async () => {
    const document = new URL("../../../server/openapi.json", import.meta.url);
    const generated = astToString(await openapiTS(document));
    const committed = await readFile(new URL("./schema.gen.ts", import.meta.url), "utf8");
    // The CLI adds a header comment; compare the generated body.
    expect(committed.endsWith(generated)).toBe(true);
  });
});
