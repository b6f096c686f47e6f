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
  /**
   * Domains a Kommune obtains together (the scenario's couplings): its switches in them form
   * one unit that goes into one measure and one wave.
   */
  couplings?: ReadonlyArray<readonly string[]>;
}

/** A measure to create for one wave of one group (target provider × domain). */
export interface MeasureDraft {
  title: string;
  description: string;
  scenarioId: string;
  wave: number;
  startDate: string;
  dueDate: string;
  /** The first of `domainIds`. */
  domainId: string;
  /** One domain, or every domain of a coupling. */
  domainIds: string[];
  toProviderId: string | null;
  kommuneKeys: string[];
  /** Providers involved: the target and every provider left. */
  providerIds: string[];
  oneOffCost: number;
  migrations: PlannedMigrationInput[];
  /** Index (in the returned list) of the previous wave of the same group, if any. */
  dependsOnIndex: number | null;
}

/** The domains a migration's domain is coupled with (itself alone when it is not coupled). */
function coupledDomains(
  domainId: string,
  couplings: ReadonlyArray<readonly string[]>,
): readonly string[] {
  return couplings.find((domains) => domains.includes(domainId)) ?? [domainId];
}

/**
 * Groups a scenario's migrations into measures: one per migration wave of each target
 * provider × domain (or coupling of domains). A Kommune's switches in coupled domains are one
 * unit: they go into the same measure and wave. A wave is a calendar year; groups are filled in
 * order (domain name, then provider name), each into the earliest years with room, so that no
 * year holds more than `maxMigrationsPerYear` migrations and no target provider takes in more
 * than its `providerMigrationsPerYear` (a unit larger than a year's room goes into an otherwise
 * empty year); a group's next wave depends on its previous one. Every migration lands in
 * exactly one measure.
 */
export function measuresFromMigrations(
  migrations: readonly PlannedMigrationInput[],
  options: MeasuresFromMigrationsOptions,
): MeasureDraft[] {
  if (!Number.isInteger(options.maxMigrationsPerYear) || options.maxMigrationsPerYear < 1) {
    throw new RangeError("maxMigrationsPerYear muss eine ganze Zahl ≥ 1 sein");
  }
  const couplings = options.couplings ?? [];
  const domainName = (id: string) => options.domainNames.get(id) ?? id;
  const domainsName = (ids: readonly string[]) => {
    const names = ids.map(domainName);
    return names.length === 1
      ? (names[0] ?? "")
      : `${names.slice(0, -1).join(", ")} und ${names.at(-1) ?? ""}`;
  };
  const providerName = (id: string | null) =>
    id === null ? "eigenen Betrieb" : (options.providerNames.get(id) ?? id);
  // Units: a Kommune's migrations in one domain, or in all domains of a coupling, to one target.
  type Unit = { kommuneId: string; migrations: PlannedMigrationInput[] };
  const groups = new Map<string, { domainIds: readonly string[]; units: Map<string, Unit> }>();
  for (const migration of migrations) {
    const domainIds = coupledDomains(migration.domainId, couplings);
    const key = `${domainIds.join("+")}\u0000${migration.toProviderId ?? ""}`;
    const group = groups.get(key) ?? { domainIds, units: new Map<string, Unit>() };
    // Only coupled switches form a unit; every other migration is placed on its own.
    const unitKey =
      domainIds.length > 1 ? migration.kommuneId : `${migration.kommuneId}|${group.units.size}`;
    const unit = group.units.get(unitKey) ?? { kommuneId: migration.kommuneId, migrations: [] };
    unit.migrations.push(migration);
    group.units.set(unitKey, unit);
    groups.set(key, group);
  }
  const ordered = [...groups.values()]
    .map((group) => ({
      domainIds: group.domainIds.filter((id) =>
        [...group.units.values()].some((unit) =>
          unit.migrations.some((migration) => migration.domainId === id),
        ),
      ),
      units: [...group.units.values()].sort((a, b) => a.kommuneId.localeCompare(b.kommuneId)),
    }))
    .sort((a, b) => {
      const first = a.units[0]?.migrations[0];
      const second = b.units[0]?.migrations[0];
      if (!first || !second) return 0;
      return (
        domainsName(a.domainIds).localeCompare(domainsName(b.domainIds), "de") ||
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
  const emptyWave = (wave: number, providerId: string | null) =>
    (usedInWave.get(wave) ?? 0) === 0 &&
    (providerId === null || (usedByProvider.get(providerId)?.get(wave) ?? 0) === 0);
  const drafts: MeasureDraft[] = [];
  for (const group of ordered) {
    const target = group.units[0]?.migrations[0]?.toProviderId ?? null;
    let previousIndex: number | null = null;
    let position = 0;
    // A group's waves follow each other; the first is the earliest year with room left.
    let wave = 1;
    while (position < group.units.length) {
      const fits = (unit: Unit) =>
        unit.migrations.length <= roomIn(wave, target) || emptyWave(wave, target);
      while (!fits(group.units[position]!)) wave += 1;
      const chunkUnits: Unit[] = [];
      let taken = 0;
      while (position < group.units.length) {
        const unit = group.units[position]!;
        const size = unit.migrations.length;
        if (chunkUnits.length > 0 && taken + size > roomIn(wave, target)) break;
        chunkUnits.push(unit);
        taken += size;
        position += 1;
        if (taken >= roomIn(wave, target)) break;
      }
      usedInWave.set(wave, (usedInWave.get(wave) ?? 0) + taken);
      if (target !== null) {
        const byWave = usedByProvider.get(target) ?? new Map<number, number>();
        byWave.set(wave, (byWave.get(wave) ?? 0) + taken);
        usedByProvider.set(target, byWave);
      }
      const chunk = chunkUnits.flatMap((unit) => unit.migrations);
      const [first] = chunk;
      if (!first) break;
      const year = options.startYear + wave - 1;
      const targetName = providerName(first.toProviderId);
      const preposition = first.toProviderId === null ? "in" : "zu";
      const kommuneKeys = [...new Set(chunkUnits.map((unit) => unit.kommuneId))];
      const providerIds = [
        ...new Set(
          chunk.flatMap((migration) =>
            [migration.toProviderId, migration.fromProviderId].filter(
              (id): id is string => id !== null,
            ),
          ),
        ),
      ].sort();
      const domains = domainsName(group.domainIds);
      const count = kommuneKeys.length;
      drafts.push({
        title: `Wechsel ${domains} ${preposition} ${targetName} – Welle ${wave}`,
        description:
          `Aus Szenario ${options.scenarioId}: ${count} ` +
          `${count === 1 ? "Kommune wechselt" : "Kommunen wechseln"} im ` +
          `${group.domainIds.length === 1 ? "Leistungsbereich" : "gekoppelten Leistungsbereichen"} ` +
          `${domains} ${preposition} ${targetName} (Welle ${wave}, ${year}).`,
        scenarioId: options.scenarioId,
        wave,
        startDate: `${year}-01-01`,
        dueDate: `${year}-12-31`,
        domainId: group.domainIds[0] ?? first.domainId,
        domainIds: [...group.domainIds],
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

/**
 * Why waves run past the scenario's horizon, in German, or null when every wave lies within
 * it (wave n runs through startYear + n − 1; the horizon covers waves 1 … horizonYears).
 */
export function horizonNote(
  drafts: readonly Pick<MeasureDraft, "wave">[],
  options: Pick<MeasuresFromMigrationsOptions, "startYear" | "maxMigrationsPerYear"> & {
    horizonYears: number | null;
  },
): string | null {
  if (options.horizonYears === null) return null;
  const last = Math.max(0, ...drafts.map((draft) => draft.wave));
  if (last <= options.horizonYears) return null;
  const end = options.startYear + options.horizonYears - 1;
  const lastYear = options.startYear + last - 1;
  return `Die Wechsel passen nicht in den Zeitraum des Szenarios (${options.horizonYears} Jahre, bis ${end}): mit höchstens ${options.maxMigrationsPerYear} Wechseln je Jahr und den Projektkapazitäten der Anbieter reicht die letzte Welle bis ${lastYear}. Mehr Wechsel je Jahr erlauben oder die Kapazitäten erhöhen, um im Zeitraum zu bleiben.`;
}
