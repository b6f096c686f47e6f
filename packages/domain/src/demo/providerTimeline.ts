import type { DemoOrganisation, DemoProvider, DemoReorganisation } from "./DemoLandscape.ts";

/** Dates a provider exists between: [createdOn, retiredOn); null means open-ended. */
interface Lifespan {
  createdOn: string | null;
  retiredOn: string | null;
  /** Who carries the provider's relations after it retires. */
  successorId: string | null;
}

/** Which providers exist on which date, and who carries a relation after a reorganisation. */
export interface ProviderTimeline {
  /** True if the provider is in the input and exists on the date. */
  isActive(providerId: string, date: string): boolean;
  /**
   * The provider that serves `organisation` on `date` for a relation named `providerId`: the
   * provider itself if it exists then, a successor if it already retired, or — if it was only
   * formed later — the predecessor that served the organisation's Kreis. Undefined if none.
   */
  findProviderOn(
    providerId: string,
    organisation: DemoOrganisation,
    date: string,
  ): string | undefined;
  /** Replays the reorganisations after `from` up to and including `to` on one relation. */
  carryForward(providerId: string, organisationKey: string, from: string, to: string): string;
  /** The date a reorganisation retires the provider, if it does so after `date`. */
  findRetirementAfter(providerId: string, date: string): string | undefined;
  /** Dates of all reorganisations; organic changes avoid them. */
  reorganisationDates: ReadonlySet<string>;
}

/**
 * Builds the timeline from the sourced reorganisations. A merger or rename target that is not
 * among its own sources is formed on that date (sit on 2018-01-01, owl-it on 2024-01-01); a
 * source retires then. A provider that is merged in the data but never retired by a
 * reorganisation retired before the history starts (infokom-gt into regio-it in 2011).
 * `predecessorByKreis` says which predecessor served a Kreis before a merger formed its provider.
 */
export function buildProviderTimeline(
  providers: readonly DemoProvider[],
  reorganisations: readonly DemoReorganisation[],
  predecessorByKreis: Readonly<Record<string, string>>,
): ProviderTimeline {
  const sorted = [...reorganisations].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const lifespans = new Map<string, Lifespan>();
  for (const provider of providers) {
    lifespans.set(provider.id, {
      createdOn: null,
      retiredOn: provider.status === "active" ? null : "",
      successorId: provider.successorId,
    });
  }
  const retiredByReorganisation = new Set<string>();
  for (const reorganisation of sorted) {
    const target = lifespans.get(reorganisation.targetProviderId);
    const forms =
      reorganisation.kind !== "member_move" &&
      !reorganisation.sourceProviderIds.includes(reorganisation.targetProviderId);
    if (target && forms && target.createdOn === null) target.createdOn = reorganisation.date;
    for (const sourceId of reorganisation.sourceProviderIds) {
      const source = lifespans.get(sourceId);
      const provider = providers.find((candidate) => candidate.id === sourceId);
      // A member move retires its source only if the data says the source is gone (Kreis-IT Mettmann).
      const retires = reorganisation.kind !== "member_move" || provider?.status !== "active";
      if (
        !source ||
        !retires ||
        retiredByReorganisation.has(sourceId) ||
        sourceId === reorganisation.targetProviderId
      )
        continue;
      source.retiredOn = reorganisation.date;
      source.successorId = reorganisation.targetProviderId;
      retiredByReorganisation.add(sourceId);
    }
  }

  const isActive = (providerId: string, date: string): boolean => {
    const lifespan = lifespans.get(providerId);
    if (!lifespan) return false;
    return (
      (lifespan.createdOn === null || lifespan.createdOn <= date) &&
      (lifespan.retiredOn === null || date < lifespan.retiredOn)
    );
  };

  const findProviderOn = (
    providerId: string,
    organisation: DemoOrganisation,
    date: string,
    depth = 0,
  ): string | undefined => {
    const lifespan = lifespans.get(providerId);
    if (!lifespan || depth > 8) return undefined;
    if (isActive(providerId, date)) return providerId;
    if (lifespan.retiredOn !== null && lifespan.retiredOn <= date) {
      return lifespan.successorId
        ? findProviderOn(lifespan.successorId, organisation, date, depth + 1)
        : undefined;
    }
    // A provider can be formed by several reorganisations on one day (owl-it: rename + merger).
    const formingSources = sorted
      .filter(
        (reorganisation) =>
          reorganisation.targetProviderId === providerId &&
          reorganisation.date === lifespan.createdOn,
      )
      .flatMap((reorganisation) => reorganisation.sourceProviderIds);
    const kreisKey = organisation.kind === "kreis" ? organisation.key : organisation.kreisKey;
    const preferred = kreisKey === null ? undefined : predecessorByKreis[kreisKey];
    const sources =
      preferred && formingSources.includes(preferred)
        ? [preferred, ...formingSources]
        : formingSources;
    for (const sourceId of sources) {
      const found = findProviderOn(sourceId, organisation, date, depth + 1);
      if (found) return found;
    }
    return undefined;
  };

  const carryForward = (
    providerId: string,
    organisationKey: string,
    from: string,
    to: string,
  ): string => {
    let current = providerId;
    for (const reorganisation of sorted) {
      if (reorganisation.date <= from || reorganisation.date > to) continue;
      if (!reorganisation.sourceProviderIds.includes(current)) continue;
      if (
        reorganisation.kind === "member_move" &&
        reorganisation.organisationKey !== undefined &&
        reorganisation.organisationKey !== organisationKey
      ) {
        continue;
      }
      current = reorganisation.targetProviderId;
    }
    return current;
  };

  return {
    isActive,
    findProviderOn: (providerId, organisation, date) =>
      findProviderOn(providerId, organisation, date),
    carryForward,
    findRetirementAfter: (providerId, date) => {
      const retiredOn = lifespans.get(providerId)?.retiredOn;
      return retiredOn && retiredOn > date ? retiredOn : undefined;
    },
    reorganisationDates: new Set(sorted.map((reorganisation) => reorganisation.date)),
  };
}
