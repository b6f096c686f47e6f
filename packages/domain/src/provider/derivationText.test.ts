import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivationText } from "./derivationText.ts";

/** The derivation notes of the shipped memberships (column `derivation`, quoted or not). */
function shippedDerivations(): string[] {
  const url = new URL(
    "../../../../data/nrw_it_dienstleister_mitgliedschaften.csv",
    import.meta.url,
  );
  const lines = readFileSync(url, "utf8").split("\n").slice(1).filter(Boolean);
  return lines.map((line) => {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === "," && !quoted) {
        fields.push(field);
        field = "";
      } else field += char;
    }
    fields.push(field);
    return fields[7] ?? "";
  });
}

describe("derivationText", () => {
  it("shows nothing for memberships the source names one by one", () => {
    expect(derivationText("explicit")).toBeNull();
    expect(derivationText("explicit (Kreis)")).toBeNull();
  });

  it("turns every internal note of the shipped data into German text", () => {
    const notes = new Set(shippedDerivations());
    expect(notes.size).toBeGreaterThan(5);
    for (const note of notes) {
      const text = derivationText(note);
      if (text === null) continue;
      expect(text).not.toMatch(/expanded|explicit|\ball\b|\bof\b|matches|source/);
      expect(text).toMatch(/^abgeleitet/);
    }
    expect(derivationText("expanded: all 10 Gemeinden of Kreis Paderborn")).toBe(
      "abgeleitet: alle 10 Gemeinden des Kreises Paderborn",
    );
  });

  it("hides an unknown internal note and keeps a person's own text", () => {
    expect(derivationText("expanded: all 7 Gemeinden of Kreis X")).toBe(
      "abgeleitet aus einer Sammelangabe der Quelle; einzeln nicht belegt",
    );
    expect(derivationText("laut Ratsbeschluss 2021")).toBe("laut Ratsbeschluss 2021");
  });
});
