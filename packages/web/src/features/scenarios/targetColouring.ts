import type { ProviderChange } from "@it-atlas/domain";
import { CATEGORY_COLORS, NEUTRAL_FILL } from "../../map/palette.ts";
import type { LegendEntry } from "../../map/NrwMap.tsx";

/** Grey of a Kommune that keeps its providers. */
export const STAY_FILL = CATEGORY_COLORS[7];
/** A Kommune that changes to several (or to not separately coloured) target providers. */
export const MIXED_FILL = "#1a1a1a";
/** Colours of target providers on the map (the grey of "bleibt" is not among them). */
const TARGET_FILLS = CATEGORY_COLORS.slice(0, 7);

/** A Kommune on a scenario's map: in the scenario's scope, and its provider changes. */
export interface KommuneChanges {
  name: string;
  inScope: boolean;
  changes: readonly ProviderChange[];
}

/** Fill, legend and words of a map coloured by target provider. */
export interface TargetColouring {
  fill: (key: string) => string;
  legend: LegendEntry[];
  describe: (key: string, name: string) => string;
  /** Kommunen that change in at least one Leistungsbereich. */
  changing: number;
}

/**
 * Colours Kommunen by the provider they change to: the most frequent targets get their own
 * colour (with their count in the legend), a Kommune changing to several targets or to a
 * rarer one is "mehrere / weitere", one that keeps its providers is grey, one outside the
 * scope neutral. Every colour is named in the legend and every Kommune's change in words
 * (from → to per Leistungsbereich), so the map never relies on colour alone.
 */
export function colourByTarget(
  kommunen: ReadonlyMap<string, KommuneChanges>,
  names: {
    providerName: (id: string | null) => string;
    describeChanges: (changes: readonly ProviderChange[]) => string;
  },
): TargetColouring {
  const counts = new Map<string, number>();
  let changing = 0;
  for (const entry of kommunen.values()) {
    if (!entry.inScope || entry.changes.length === 0) continue;
    changing += 1;
    for (const target of new Set(entry.changes.map((change) => change.toProviderId ?? ""))) {
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort(
    (a, b) =>
      b[1] - a[1] ||
      names.providerName(a[0] || null).localeCompare(names.providerName(b[0] || null), "de"),
  );
  const colourOf = new Map(
    ranked
      .slice(0, TARGET_FILLS.length)
      .map(([target], position) => [target, TARGET_FILLS[position] ?? MIXED_FILL]),
  );
  const fill = (key: string) => {
    const entry = kommunen.get(key);
    if (!entry || !entry.inScope) return NEUTRAL_FILL;
    if (entry.changes.length === 0) return STAY_FILL;
    const distinct = new Set(entry.changes.map((change) => change.toProviderId ?? ""));
    if (distinct.size > 1) return MIXED_FILL;
    const [target = ""] = distinct;
    return colourOf.get(target) ?? MIXED_FILL;
  };
  const legend: LegendEntry[] = [
    ...[...colourOf].map(([target, color]) => ({
      color,
      label: `wechselt zu ${names.providerName(target === "" ? null : target)} (${counts.get(target) ?? 0})`,
    })),
    { color: MIXED_FILL, label: "wechselt zu mehreren oder weiteren Anbietern" },
    { color: STAY_FILL, label: "bleibt beim Anbieter" },
    { color: NEUTRAL_FILL, label: "nicht im Szenario" },
  ];
  const describe = (key: string, name: string) => {
    const entry = kommunen.get(key);
    if (!entry || !entry.inScope) return `${name}: nicht im Szenario`;
    return entry.changes.length > 0
      ? `${name}: wechselt (${names.describeChanges(entry.changes)})`
      : `${name}: bleibt beim Anbieter`;
  };
  return { fill, legend, describe, changing };
}
