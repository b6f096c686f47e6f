import { NEUTRAL_FILL } from "../../map/palette.ts";
import type { LegendEntry } from "../../map/NrwMap.tsx";

/** Classes of "how many operators a Kommune depends on", light to dark (sequential, ColorBrewer Blues). */
export const DEPENDENCY_CLASSES = [
  { upTo: 0, color: "#eff3ff", label: "keiner (alles im eigenen Betrieb)" },
  { upTo: 1, color: "#bdd7e7", label: "1 Anbieter" },
  { upTo: 2, color: "#6baed6", label: "2 Anbieter" },
  { upTo: 4, color: "#3182bd", label: "3 bis 4 Anbieter" },
  { upTo: Infinity, color: "#08519c", label: "5 und mehr Anbieter" },
] as const;

/** The class of a provider count. */
export function dependencyClassOf(providers: number) {
  return DEPENDENCY_CLASSES.find((item) => providers <= item.upTo) ?? DEPENDENCY_CLASSES[4];
}

/** Map colouring by the number of providers per Kommune; areas without data stay neutral. */
export function dependencyColouring(counts: ReadonlyMap<string, number>): {
  colourOf: (key: string) => string;
  describe: (key: string, name: string) => string;
  legend: LegendEntry[];
} {
  return {
    colourOf: (key) => {
      const count = counts.get(key);
      return count === undefined ? NEUTRAL_FILL : dependencyClassOf(count).color;
    },
    describe: (key, name) => {
      const count = counts.get(key);
      return count === undefined
        ? `${name}: keine Angabe`
        : `${name}: ${count === 1 ? "1 Anbieter" : `${count} Anbieter`}`;
    },
    legend: [
      ...DEPENDENCY_CLASSES.map(({ color, label }) => ({ color, label })),
      { color: NEUTRAL_FILL, label: "keine Angabe" },
    ],
  };
}
