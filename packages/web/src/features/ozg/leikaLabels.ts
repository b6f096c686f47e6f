/** Who regulates and executes, per LeiKa-Typ (digital-direkt.nrw FAQ „LeiKa-Typ“). */
export const LEIKA_TYPE_LABEL: Record<string, string> = {
  "1": "Typ 1 – Bund regelt und vollzieht",
  "2": "Typ 2 – Bund regelt, Land/Kommune vollzieht",
  "2/3": "Typ 2/3 – Bund regelt, Land/Kommune vollzieht",
  "3": "Typ 3 – Bund regelt, Land/Kommune vollzieht",
  "4": "Typ 4 – Land regelt, Land/Kommune vollzieht",
  "5": "Typ 5 – Kommune regelt und vollzieht",
  "6": "Typ 6 – in der Quelle ohne Erläuterung",
};
