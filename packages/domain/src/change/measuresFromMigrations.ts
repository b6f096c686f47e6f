import type { PlannedMigrationInput } from "./Measure.ts";

/** Options of {@link measuresFromMigrations}. */
export interface MeasuresFromMigrationsOptions {
  scenarioId: string;
  /** Year of wave 1; wave n runs through the year startYear + n − 1. */
  startYear: number;
  /** Most migrations started in one year, over all groups (capacity of the providers' project teams). */
  maxMigrationsPerYear: number;
  /**
   * Most migrations a target provider takes in per year (its project capacity, e.g. from the
   * scenario's `providerProjectCapacity`); providers without an entry share only the overall
   * maximum.
   */
  providerMigrationsPerYear?: ReadonlyMap<string, number>;
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
 * then provider name), each into the earliest years with room, so that no year holds more than
 * `maxMigrationsPerYear` migrations and no target provider takes in more than its
 * `providerMigrationsPerYear`; a group's next wave depends on its previous one. Every migration lands in exactly one measure.
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

  const providerLimit = options.providerMigrationsPerYear ?? new Map<string, number>();
  for (const migration of migrations) {
    const limit =
      migration.toProviderId === null ? undefined : providerLimit.get(migration.toProviderId);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new RangeError(
        `providerMigrationsPerYear für ${migration.toProviderId} muss eine ganze Zahl ≥ 1 sein`,
      );
    }
  }
  // Migrations per wave, overall and per target provider.
  const usedInWave = new Map<number, number>();
  const usedByProvider = new Map<string, Map<number, number>>();
  const roomIn = (wave: number, providerId: string | null) => {
    const overall = options.maxMigrationsPerYear - (usedInWave.get(wave) ?? 0);
    const limit = providerId === null ? undefined : providerLimit.get(providerId);
    if (limit === undefined || providerId === null) return overall;
    return Math.min(overall, limit - (usedByProvider.get(providerId)?.get(wave) ?? 0));
  };
  const drafts: MeasureDraft[] = [];
  for (const group of ordered) {
    const sorted = [...group].sort((a, b) => a.kommuneId.localeCompare(b.kommuneId));
    const target = sorted[0]?.toProviderId ?? null;
    let previousIndex: number | null = null;
    let position = 0;
    // A group's waves follow each other; the first is the earliest year with room left.
    let wave = 1;
    while (position < sorted.length) {
      while (roomIn(wave, target) <= 0) wave += 1;
      const take = Math.min(roomIn(wave, target), sorted.length - position);
      const chunk = sorted.slice(position, position + take);
      position += take;
      usedInWave.set(wave, (usedInWave.get(wave) ?? 0) + take);
      if (target !== null) {
        const byWave = usedByProvider.get(target) ?? new Map<number, number>();
        byWave.set(wave, (byWave.get(wave) ?? 0) + take);
        usedByProvider.set(target, byWave);
      }
      const [first] = chunk;
      if (!first) break;
      const year = options.startYear + wave - 1;
      const targetName = providerName(first.toProviderId);
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
        title: `Wechsel ${domainName(first.domainId)} ${preposition} ${targetName} – Welle ${wave}`,
        description:
          `Aus Szenario ${options.scenarioId}: ${chunk.length} ` +
          `${chunk.length === 1 ? "Kommune wechselt" : "Kommunen wechseln"} im Leistungsbereich ` +
          `${domainName(first.domainId)} ${preposition} ${targetName} (Welle ${wave}, ${year}).`,
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
      wave += 1;
    }
  }
  return drafts;
}
