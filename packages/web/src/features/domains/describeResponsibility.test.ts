import type { ResponsibleType } from "@it-atlas/domain";
import { describe, expect, it } from "vitest";
import { describeResponsibility } from "./describeResponsibility.ts";

const GEMEINDEN: ResponsibleType[] = [
  "kreisfreie_stadt",
  "regionsangehoerige_stadt_aachen",
  "grosse_kreisangehoerige_stadt",
  "mittlere_kreisangehoerige_stadt",
  "kreisangehoerige_stadt",
  "kreisangehoerige_gemeinde",
];

describe("describeResponsibility", () => {
  it.each<[ResponsibleType[], string]>([
    [[...GEMEINDEN, "kreis", "staedteregion"], "alle Gemeinden, Kreise und StädteRegion Aachen"],
    [GEMEINDEN, "alle Gemeinden"],
    [
      ["kreisfreie_stadt", "kreis", "staedteregion"],
      "kreisfreie Städte, Kreise und StädteRegion Aachen",
    ],
    [["kreis"], "Kreise"],
    [[], "keine Zuständigkeit hinterlegt"],
  ])("describes %j as %j", (types, expected) => {
    expect(describeResponsibility(types)).toBe(expected);
  });
});
