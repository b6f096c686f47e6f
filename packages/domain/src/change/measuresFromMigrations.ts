import type { PlannedMigrationInput } from "./Measure.ts";

/** Options of {@link measuresFromMigrations}. */
export interface MeasuresFromMigrationsOptions {
  scenarioId: string;
  /** Year of wave 1; wave n runs through the year startYear + n − 1. */
  startYear: number;
  /** Most migrations started in one year, over all groups (capacity of the providers' project teams). */
  maxMigrationsPerYear: number;
  /** Display names; an id without a name is shown as is. */
  domainNames: ReadonlyMap<string, string>;
  providerNames: ReadonlyMap<string, string>;
}

/** A measure to create for one wave of one group (target provider × domain). */
export interface MeasureDraft {
  title: string;
  description: string;
  scenarioId: string;
  wave: number;
  startDate: string;
  dueDate: string;
  domainId: string;
  toProviderId: string | null;
  kommuneKeys: string[];
  /** Providers involved: the target and every provider left. */
  providerIds: string[];
  oneOffCost: number;
  migrations: PlannedMigrationInput[];
  /** Index (in the returned list) of the previous wave of the same group, if any. */
  dependsOnIndex: number | null;
}

function groupKey(migration: PlannedMigrationInput): string {
  return `${migration.domainId}\u0000${migration.toProviderId ?? ""}`;
}

/**
 * Groups a scenario's migrations into measures: one per migration wave of each target
 * provider × domain. A wave is a calendar year; groups are filled in order (domain name,
 * then provider name) so that no year holds more than `maxMigrationsPerYear` migrations, and
 * a group's next wave depends on its previous one. Every migration lands in exactly one measure.
 */
export function measuresFromMigrations(
  migrations: readonly PlannedMigrationInput[],
  options: MeasuresFromMigrationsOptions,
): MeasureDraft[] {
  if (!Number.isInteger(options.maxMigrationsPerYear) || options.maxMigrationsPerYear < 1) {
    throw new RangeError("maxMigrationsPerYear muss eine ganze Zahl ≥ 1 sein");
  }
  const domainName = (id: string) => options.domainNames.get(id) ?? id;
  const providerName = (id: string | null) =>
    id === null ? "eigenen Betrieb" : (options.providerNames.get(id) ?? id);
  const groups = new Map<string, PlannedMigrationInput[]>();
  for (const migration of migrations) {
    const key = groupKey(migration);
    const group = groups.get(key);
    if (group) group.push(migration);
    else groups.set(key, [migration]);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    const [first] = a;
    const [second] = b;
    if (!first || !second) return 0;
    return (
      domainName(first.domainId).localeCompare(domainName(second.domainId), "de") ||
      providerName(first.toProviderId).localeCompare(providerName(second.toProviderId), "de")
    );
  });

  const drafts: MeasureDraft[] = [];
  let wave = 1;
  let usedInWave = 0;
  for (const group of ordered) {
    const sorted = [...group].sort((a, b) => a.kommuneId.localeCompare(b.kommuneId));
    let previousIndex: number | null = null;
    let position = 0;
    while (position < sorted.length) {
      if (usedInWave === options.maxMigrationsPerYear) {
        wave += 1;
        usedInWave = 0;
      }
      const take = Math.min(options.maxMigrationsPerYear - usedInWave, sorted.length - position);
      const chunk = sorted.slice(position, position + take);
      position += take;
      usedInWave += take;
      const [first] = chunk;
      if (!first) break;
      const year = options.startYear + wave - 1;
      const target = providerName(first.toProviderId);
      const preposition = first.toProviderId === null ? "in" : "zu";
      const kommuneKeys = [...new Set(chunk.map((migration) => migration.kommuneId))];
      const providerIds = [
        ...new Set(
          chunk.flatMap((migration) =>
            [migration.toProviderId, migration.fromProviderId].filter(
              (id): id is string => id !== null,
            ),
          ),
        ),
      ].sort();
      drafts.push({
        title: `Wechsel ${domainName(first.domainId)} ${preposition} ${target} – Welle ${wave}`,
        description:
          `Aus Szenario ${options.scenarioId}: ${chunk.length} ` +
          `${chunk.length === 1 ? "Kommune wechselt" : "Kommunen wechseln"} im Leistungsbereich ` +
          `${domainName(first.domainId)} ${preposition} ${target} (Welle ${wave}, ${year}).`,
        scenarioId: options.scenarioId,
        wave,
        startDate: `${year}-01-01`,
        dueDate: `${year}-12-31`,
        domainId: first.domainId,
        toProviderId: first.toProviderId,
        kommuneKeys,
        providerIds,
        oneOffCost: chunk.reduce((sum, migration) => sum + migration.oneOffCost, 0),
        migrations: chunk,
        dependsOnIndex: previousIndex,
      });
      previousIndex = drafts.length - 1;
    }
  }
  return drafts;
}
