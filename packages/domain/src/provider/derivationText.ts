/**
 * The reference data records how a membership was derived in an internal, English note
 * (`derivation`, e.g. "expanded: all 10 Gemeinden of Kreis Paderborn"). People see this German
 * text instead — or nothing for a membership the source names one by one.
 */
const KNOWN: Readonly<Record<string, string>> = {
  "expanded: all Gemeinden of the 5 Südwestfalen-Kreise (59 = sum, matches source count)":
    "abgeleitet: alle 59 Gemeinden der fünf Südwestfalen-Kreise (entspricht der Zahl der Quelle)",
  "expanded: all 31 Kreise + 22 kreisfreie Städte":
    "abgeleitet: alle 31 Kreise und 22 kreisfreien Städte",
  "expanded: all 36 Gemeinden of Kreise Lippe (16), Herford (9), Minden-Lübbecke (11) – count matches source":
    "abgeleitet: alle 36 Gemeinden der Kreise Lippe (16), Herford (9) und Minden-Lübbecke (11); entspricht der Zahl der Quelle",
  "expanded from generic statement „die kreisangehörigen Städte und Gemeinden“ – individual membership not listed in source":
    "abgeleitet aus der Sammelangabe „die kreisangehörigen Städte und Gemeinden“; einzeln nicht in der Quelle genannt",
  "expanded: all 10 Gemeinden of Kreis Paderborn":
    "abgeleitet: alle 10 Gemeinden des Kreises Paderborn",
  "expanded: Städteregions-Verwaltungen = Gemeinden der StädteRegion Aachen":
    "abgeleitet: die Gemeinden der StädteRegion Aachen",
  "expanded: Gemeinden des Rheinisch-Bergischen Kreises ohne Rösrath":
    "abgeleitet: die Gemeinden des Rheinisch-Bergischen Kreises ohne Rösrath",
};

/** German text for a membership's derivation note, or null when there is nothing to say. */
export function derivationText(derivation: string): string | null {
  const note = derivation.trim();
  if (note === "" || note.startsWith("explicit")) return null;
  const known = KNOWN[note];
  if (known) return known;
  // An unknown internal note is never shown as it is.
  if (note.startsWith("expanded")) {
    return "abgeleitet aus einer Sammelangabe der Quelle; einzeln nicht belegt";
  }
  // Notes entered through the import are people's own (German) text.
  return note;
}
