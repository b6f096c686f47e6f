import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMentions } from "./mentions.ts";

describe("parseMentions", () => {
  it("finds e-mail and bracketed name mentions, lower-cased and once each", () => {
    expect(
      parseMentions(
        "@Anna.Schmidt@kreis-lippe.de bitte prüfen; (@[Ben  Kaya]) und @anna.schmidt@kreis-lippe.de.",
      ),
    ).toEqual({ emails: ["anna.schmidt@kreis-lippe.de"], names: ["ben kaya"] });
  });

  it("ignores a plain address and an @ inside a word", () => {
    expect(parseMentions("Bitte an info@kdn.de schreiben, x@[Name] zählt nicht")).toEqual({
      emails: [],
      names: [],
    });
  });

  it("finds every mentioned address of generated comments", () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/);
    const address = fc
      .tuple(local, fc.constantFrom("kdn.de", "kreis-lippe.de"))
      .map(([l, d]) => `${l}@${d}`);
    fc.assert(
      fc.property(
        fc.array(address, { maxLength: 5 }),
        fc.array(fc.constantFrom("Hallo", "bitte", "danke"), { maxLength: 5 }),
        (addresses, words) => {
          const text = [...words, ...addresses.map((a) => `@${a}`)].join(" ");
          expect(parseMentions(text).emails.sort()).toEqual([...new Set(addresses)].sort());
        },
      ),
    );
  });
});
