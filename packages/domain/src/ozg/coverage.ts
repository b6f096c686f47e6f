import { z } from "zod";
import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import {
  furtherStatus,
  ReadinessStatus,
  type AdoptionStatus,
  type BaseComponent,
} from "./AdoptionStatus.ts";
import type { LeikaType } from "./Ozg.ts";
import {
  responsibilityFor,
  type ResponsibilityReason,
  type ResponsibilityRules,
} from "./responsibility.ts";

/** OZG coverage of a Kommune or a region: its responsible Leistungen by status. */
export const CoverageCounts = z
  .object({
    /** OZG-Leistungen the Kommune(n) must offer. */
    responsible: z.number().int(),
    online: z.number().int(),
    inProgress: z.number().int(),
    planned: z.number().int(),
    open: z.number().int(),
    /** online / responsible, between 0 and 1; null when nothing is responsible. */
    share: z.number().nullable(),
  })
  .meta({ id: "CoverageCounts" });
export type CoverageCounts = z.infer<typeof CoverageCounts>;

const EMPTY: CoverageCounts = {
  responsible: 0,
  online: 0,
  inProgress: 0,
  planned: 0,
  open: 0,
  share: null,
};

function withShare(counts: Omit<CoverageCounts, "share">): CoverageCounts {
  return {
    ...counts,
    share: counts.responsible === 0 ? null : counts.online / counts.responsible,
  };
}

/**
 * Counts the statuses of the Leistungen a Kommune is responsible for. `nicht_zustaendig`
 * entries are not counted (they are not responsible).
 */
export function coverageOf(statuses: Iterable<AdoptionStatus>): CoverageCounts {
  const counts = { responsible: 0, online: 0, inProgress: 0, planned: 0, open: 0 };
  for (const status of statuses) {
    if (status === "nicht_zustaendig") continue;
    counts.responsible += 1;
    if (status === "online") counts.online += 1;
    else if (status === "in_anbindung") counts.inProgress += 1;
    else if (status === "geplant") counts.planned += 1;
    else counts.open += 1;
  }
  return withShare(counts);
}

/** Adds up the coverage of several Kommunen (a Kreis with its Gemeinden, a Regierungsbezirk). */
export function sumCoverage(parts: Iterable<CoverageCounts>): CoverageCounts {
  const total = { ...EMPTY };
  for (const part of parts) {
    total.responsible += part.responsible;
    total.online += part.online;
    total.inProgress += part.inProgress;
    total.planned += part.planned;
    total.open += part.open;
  }
  return withShare(total);
}

/** One OZG-Leistung of a Kommune with its effective status and why it is responsible. */
export interface KommuneLeistungStatus {
  ozgId: number;
  responsible: boolean;
  reason: ResponsibilityReason;
  /** Recorded status, or `offen` for a responsible Leistung without record. */
  status: AdoptionStatus;
}

/**
 * Coverage of one Kommune: applies the responsibility rule to every Leistung of the catalogue
 * (with what the Kommune recorded as the most specific rule) and counts the statuses. The
 * entries list every Leistung that is responsible or has a record.
 */
export function kommuneCoverage(
  kommuneType: ResponsibleType,
  leistungen: ReadonlyArray<{ id: number; leikaTypes: readonly LeikaType[] }>,
  rules: ResponsibilityRules,
  recorded: ReadonlyMap<number, AdoptionStatus>,
): { counts: CoverageCounts; entries: KommuneLeistungStatus[] } {
  const entries: KommuneLeistungStatus[] = [];
  for (const leistung of leistungen) {
    const status = recorded.get(leistung.id);
    const { responsible, reason } = responsibilityFor(leistung, kommuneType, rules, status);
    if (!responsible && status === undefined) continue;
    entries.push({ ozgId: leistung.id, responsible, reason, status: status ?? "offen" });
  }
  return { counts: coverageOf(entries.map((entry) => entry.status)), entries };
}

/** How a Kommune's share compares with its peers (same size class). */
export const PeerComparison = z
  .object({
    /** Number of peers with a share, the Kommune included. */
    peerCount: z.number().int(),
    median: z.number().nullable(),
    /** 1 = highest share in the class; ties share the better rank. Null without a share. */
    rank: z.number().int().nullable(),
  })
  .meta({ id: "PeerComparison" });
export type PeerComparison = z.infer<typeof PeerComparison>;

/** Median of numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Compares a Kommune's share with the shares of its size class (GPA NRW compares Kommunen of
 * the same size class; DOMAIN.md). `classShares` includes the Kommune itself; Kommunen without
 * responsible Leistungen (null) are left out.
 */
export function peerComparison(
  own: number | null,
  classShares: ReadonlyArray<number | null>,
): PeerComparison {
  const shares = classShares.filter((share): share is number => share !== null);
  return {
    peerCount: shares.length,
    median: median(shares),
    rank: own === null ? null : 1 + shares.filter((share) => share > own).length,
  };
}

/** A Kommune's records for the readiness of one service. */
export interface KommuneServiceRecords {
  /** OZG-Leistungen the Kommune is responsible for (after its own overrides). */
  responsibleIds: ReadonlySet<number>;
  adoptions: ReadonlyMap<number, { status: AdoptionStatus; onlineServiceId: string | null }>;
  onboarding: ReadonlyMap<
    BaseComponent,
    { status: AdoptionStatus; onlineServiceId: string | null }
  >;
}

/**
 * Where a Kommune stands with one central service. A base component (E-Payment, XTA …) is a
 * checklist item: its onboarding status, `andere_loesung` when the Kommune connected another
 * solution for the component. An online service covers OZG-Leistungen: not responsible for
 * any of them → `nicht_zustaendig`; the furthest status recorded with this service; otherwise
 * `andere_loesung` when a covered Leistung is online with another service; otherwise `offen`.
 */
export function serviceReadinessOf(
  service: { id: string; component: BaseComponent | null; ozgIds: readonly number[] },
  kommune: KommuneServiceRecords,
): ReadinessStatus {
  if (service.component !== null) {
    const entry = kommune.onboarding.get(service.component);
    if (!entry) return "offen";
    if (entry.onlineServiceId !== null && entry.onlineServiceId !== service.id) {
      return entry.status === "nicht_zustaendig" ? "nicht_zustaendig" : "andere_loesung";
    }
    return entry.status;
  }
  const covered = service.ozgIds.filter((id) => kommune.responsibleIds.has(id));
  if (covered.length === 0) return "nicht_zustaendig";
  let withService: AdoptionStatus | undefined;
  let otherOnline = false;
  for (const id of covered) {
    const adoption = kommune.adoptions.get(id);
    if (!adoption) continue;
    if (adoption.onlineServiceId === service.id) {
      withService = furtherStatus(withService ?? "offen", adoption.status);
    } else if (adoption.status === "online") {
      otherOnline = true;
    }
  }
  if (withService !== undefined && withService !== "offen") return withService;
  return otherOnline ? "andere_loesung" : "offen";
}

/** Number of Kommunen per readiness status. */
export const ReadinessCounts = z
  .object(
    Object.fromEntries(ReadinessStatus.options.map((status) => [status, z.number().int()])) as {
      [Status in ReadinessStatus]: z.ZodNumber;
    },
  )
  .meta({ id: "ReadinessCounts" });
export type ReadinessCounts = z.infer<typeof ReadinessCounts>;

/** Counts Kommunen per readiness status. */
export function readinessCounts(statuses: Iterable<ReadinessStatus>): ReadinessCounts {
  const counts = Object.fromEntries(
    ReadinessStatus.options.map((status) => [status, 0]),
  ) as ReadinessCounts;
  for (const status of statuses) counts[status] += 1;
  return counts;
}
