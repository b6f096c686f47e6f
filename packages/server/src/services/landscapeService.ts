import { createHash } from "node:crypto";
import {
  findServiceDomain,
  landscapePairsChangedBetween,
  listAllSourcingVersionsInBatches,
  listProducts,
  listSourcingVersionsOfPairs,
  type LandscapeFilter,
  type LandscapePair,
  type Queryable,
  type SourcingWithScope,
} from "@it-atlas/db";
import {
  landscapeDiff,
  NotFoundError,
  redactSourcing,
  seesAllConfidential,
  summariseDomain,
  visibilityKey,
  type LandscapeChange,
  type Principal,
  type Sourcing,
} from "@it-atlas/domain";
import { gzipWithSuffix, preparePrefix, type PreparedPrefix } from "../http/gzipSplice.ts";
import { LandscapeRevision } from "./LandscapeRevision.ts";

/** The rows as a principal may see them (confidential figures hidden where not allowed). */
export function redactFor(principal: Principal, items: Sourcing[]): Sourcing[] {
  return seesAllConfidential(principal)
    ? items
    : items.map((item) => redactSourcing(principal, item));
}

/**
 * The validity period a day falls into: the last boundary (a validFrom or validTo of any
 * version) on or before it, or "" before the first. `[validFrom, validTo)` contains the day
 * exactly when it contains this boundary, so all days of a period see the same versions.
 */
export function periodOf(boundaries: readonly string[], day: string): string {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((boundaries[middle] ?? "") <= day) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? "" : (boundaries[low - 1] ?? "");
}

/** Whether a version belongs to the landscape filter ([validFrom, validTo) contains asOf). */
export function matchesLandscapeFilter(
  row: SourcingWithScope,
  filter: Omit<LandscapeFilter, "page" | "pageSize">,
): boolean {
  const { sourcing } = row;
  if (sourcing.validFrom > filter.asOf) return false;
  if (sourcing.validTo !== null && sourcing.validTo <= filter.asOf) return false;
  if (filter.domain && sourcing.domain.id !== filter.domain) return false;
  if (filter.kreis && row.kreisKey !== filter.kreis && sourcing.organisation.ags !== filter.kreis)
    return false;
  if (filter.regierungsbezirk && row.regierungsbezirkKey !== filter.regierungsbezirk) return false;
  if (filter.provider && sourcing.provider?.id !== filter.provider) return false;
  if (filter.operatingModel && sourcing.operatingModel !== filter.operatingModel) return false;
  if (filter.organisation && sourcing.organisation.ags !== filter.organisation) return false;
  return true;
}

/** Today in Germany as an ISO date (the default "as of"). */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(now);
}

const MAX_CACHED = 200;

/** Every sourcing version at a revision, the validity boundaries, and where each pair is. */
interface Snapshot {
  revision: number;
  rows: SourcingWithScope[];
  boundaries: string[];
  /** Position of each Kommune × domain pair's versions (contiguous in the landscape order). */
  blocks: Map<string, { start: number; count: number }>;
}

/** Every sourcing version, read in batches so the event loop stays free meanwhile. */
async function allVersions(db: Queryable): Promise<SourcingWithScope[]> {
  const rows: SourcingWithScope[] = [];
  for await (const batch of listAllSourcingVersionsInBatches(db)) {
    for (const row of batch) rows.push(row);
  }
  return rows;
}

function pairKey(pair: LandscapePair): string {
  return `${pair.organisationKey}|${pair.domainId}`;
}

function snapshotOf(revision: number, rows: SourcingWithScope[]): Snapshot {
  const days = new Set<string>();
  const blocks = new Map<string, { start: number; count: number }>();
  rows.forEach(({ sourcing }, index) => {
    days.add(sourcing.validFrom);
    if (sourcing.validTo !== null) days.add(sourcing.validTo);
    const key = `${sourcing.organisation.ags}|${sourcing.domain.id}`;
    const block = blocks.get(key);
    if (block) block.count += 1;
    else blocks.set(key, { start: index, count: 1 });
  });
  return { revision, rows, boundaries: [...days].sort(), blocks };
}

/**
 * The snapshot with the versions of `pairs` replaced by `fresh` (their current versions, in
 * landscape order). Each pair's versions are one contiguous block whose place in the order
 * depends only on the Kommune and the domain, so the new block goes where the old one was.
 */
export function replacePairs(
  previous: Snapshot,
  revision: number,
  pairs: readonly LandscapePair[],
  fresh: readonly SourcingWithScope[],
): Snapshot {
  const byPair = new Map<string, SourcingWithScope[]>();
  for (const row of fresh) {
    const key = `${row.sourcing.organisation.ags}|${row.sourcing.domain.id}`;
    const list = byPair.get(key) ?? [];
    list.push(row);
    byPair.set(key, list);
  }
  const replaced = pairs
    .map((pair) => ({ key: pairKey(pair), block: previous.blocks.get(pairKey(pair)) }))
    .filter(
      (entry): entry is { key: string; block: { start: number; count: number } } =>
        entry.block !== undefined,
    )
    .sort((a, b) => a.block.start - b.block.start);
  const rows: SourcingWithScope[] = [];
  let next = 0;
  for (const { key, block } of replaced) {
    for (let index = next; index < block.start; index += 1) {
      const row = previous.rows[index];
      if (row) rows.push(row);
    }
    for (const row of byPair.get(key) ?? []) rows.push(row);
    next = block.start + block.count;
  }
  for (let index = next; index < previous.rows.length; index += 1) {
    const row = previous.rows[index];
    if (row) rows.push(row);
  }
  return snapshotOf(revision, rows);
}

/** A response body as JSON text, and gzip-compressed when the client accepts it. */
export interface SerialisedBody {
  json: string;
  gzip?: Buffer;
}

/** A landscape page without its `asOf`: shared by every day with the same versions. */
interface PreparedPage {
  revision: number;
  prefix: string;
  compressed?: Promise<PreparedPrefix>;
}

/**
 * Reads the landscape through a small cache keyed by the filter and the landscape revision,
 * which every write increments in its transaction: a cached page is used only while no write
 * has happened since. The revision itself is kept in memory ({@link LandscapeRevision}): a
 * write of this process is seen by the next read, another process's write within
 * `recheckMilliseconds` (1 s), so a cached page costs no query at all (ADR 0016).
 */
export class LandscapeReader {
  private snapshot: Snapshot | undefined;
  private readonly pages = new Map<string, PreparedPage>();
  /** Computations under way, so concurrent misses for the same page share one query. */
  private readonly pending = new Map<string, Promise<unknown>>();

  private readonly landscapeRevision: LandscapeRevision;

  constructor(
    private readonly db: Queryable,
    options: { recheckMilliseconds?: number } = {},
  ) {
    this.landscapeRevision = new LandscapeRevision(db, options);
  }

  /** The current landscape revision (from memory while it is known to be current). */
  revision(): Promise<number> {
    return this.landscapeRevision.current();
  }

  /**
   * The landscape page `{ items, total, asOf }` as JSON (and gzip on request). Every day
   * between two consecutive validity boundaries sees the same versions, so the page is
   * serialised and compressed once per boundary, filter, visibility and revision; a request
   * for another day in the same period only appends its `asOf` (see {@link gzipWithSuffix}).
   * Rows are built by typed repository code and stringified directly — a route test checks
   * the response against its schema — because validating 10,000 rows costs more than the read.
   */
  async body(
    filter: LandscapeFilter,
    principal: Principal,
    gzip: boolean,
  ): Promise<SerialisedBody> {
    const { revision, key, period } = await this.pageKey(filter, principal);
    let page = this.pages.get(key);
    if (!page || page.revision !== revision) {
      page = await this.once(`page:${revision}:${key}`, async () => {
        const value = await this.list({ ...filter, asOf: period });
        const items = JSON.stringify(redactFor(principal, value.items));
        const made: PreparedPage = {
          revision,
          prefix: `{"items":${items},"total":${value.total},"asOf":`,
        };
        if (this.pages.size >= MAX_CACHED) {
          const oldest = this.pages.keys().next().value;
          if (oldest !== undefined) this.pages.delete(oldest);
        }
        this.pages.set(key, made);
        return made;
      });
    }
    const suffix = `${JSON.stringify(filter.asOf)}}`;
    if (!gzip) return { json: page.prefix + suffix };
    page.compressed ??= preparePrefix(page.prefix);
    return { json: "", gzip: gzipWithSuffix(await page.compressed, suffix) };
  }

  /** Revision, cache key and validity period of a landscape page. */
  private async pageKey(filter: LandscapeFilter, principal: Principal) {
    const revision = await this.revision();
    const { boundaries } = await this.loadSnapshot(revision);
    const period = periodOf(boundaries, filter.asOf);
    // Principals who see the same figures share one prepared page.
    const key = `${visibilityKey(principal)}|${JSON.stringify({ ...filter, asOf: period })}`;
    return { revision, key, period };
  }

  /**
   * A strong ETag of the landscape page (without content coding): the page is a function of
   * the revision, the visibility, the filter and the day, so their hash identifies it —
   * across processes too, as the revision lives in the database (ADR 0019).
   */
  async etag(filter: LandscapeFilter, principal: Principal): Promise<string> {
    const { revision, key } = await this.pageKey(filter, principal);
    return createHash("sha256")
      .update(`${revision}|${key}|${filter.asOf}`)
      .digest("base64url")
      .slice(0, 27);
  }

  /** Runs `work` once for concurrent callers with the same key. */
  private async once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /**
   * Every sourcing version and the days on which validity changes, once per revision. After
   * writes of this process that changed only some Kommune × domain pairs (a landscape edit),
   * only those pairs are read again and replaced in place; anything else (an import, a
   * merger, another process's write) reads every version again (ADR 0025).
   */
  private async loadSnapshot(revision: number): Promise<Snapshot> {
    if (this.snapshot?.revision === revision) return this.snapshot;
    return this.once(`versions:${revision}`, async () => {
      const previous = this.snapshot;
      const pairs = previous && landscapePairsChangedBetween(previous.revision, revision);
      const made =
        previous && pairs && pairs.every((pair) => previous.blocks.has(pairKey(pair)))
          ? replacePairs(
              previous,
              revision,
              pairs,
              await listSourcingVersionsOfPairs(this.db, pairs),
            )
          : snapshotOf(revision, await allVersions(this.db));
      if (!this.snapshot || this.snapshot.revision < revision) this.snapshot = made;
      return made;
    });
  }

  /** Every sourcing version, loaded once per landscape revision (a few MB for NRW). */
  private async versions(): Promise<SourcingWithScope[]> {
    return (await this.loadSnapshot(await this.revision())).rows;
  }

  /**
   * The landscape as of a day, filtered and paged, answered from the in-memory versions with
   * the same semantics and order as the SQL query `listLandscape` (a test compares them).
   */
  async list(filter: LandscapeFilter): Promise<{ items: Sourcing[]; total: number }> {
    const matches = (await this.versions()).filter((row) => matchesLandscapeFilter(row, filter));
    const start = (filter.page - 1) * filter.pageSize;
    return {
      items: matches.slice(start, start + filter.pageSize).map((row) => row.sourcing),
      total: matches.length,
    };
  }

  /** All rows matching the filter (no paging), for summaries and diffs. */
  async all(filter: Omit<LandscapeFilter, "page" | "pageSize">): Promise<Sourcing[]> {
    const pageSize = 5000;
    const first = await this.list({ ...filter, page: 1, pageSize });
    const items = [...first.items];
    for (let page = 2; (page - 1) * pageSize < first.total; page += 1) {
      items.push(...(await this.list({ ...filter, page, pageSize })).items);
    }
    return items;
  }

  /** Differences between the landscape on two days within the same filter. */
  async diff(
    from: string,
    to: string,
    filter: Omit<LandscapeFilter, "page" | "pageSize" | "asOf">,
    principal: Principal,
  ): Promise<LandscapeChange[]> {
    const [before, after] = await Promise.all([
      this.all({ ...filter, asOf: from }),
      this.all({ ...filter, asOf: to }),
    ]);
    // Compare what the principal may see, so hidden cost changes do not show up as changes.
    return landscapeDiff(redactFor(principal, before), redactFor(principal, after));
  }

  /** A domain with its products and how it is provided as of a day. */
  async domainDetail(
    id: string,
    filter: Omit<LandscapeFilter, "page" | "pageSize" | "domain">,
    principal: Principal,
  ) {
    const domain = await findServiceDomain(this.db, id);
    if (!domain)
      throw new NotFoundError("domain_not_found", `Es gibt keinen Leistungsbereich „${id}“.`);
    const [products, items] = await Promise.all([
      listProducts(this.db, id),
      domain.isGroup ? Promise.resolve([]) : this.all({ ...filter, domain: id }),
    ]);
    return {
      ...domain,
      products,
      asOf: filter.asOf,
      summary: summariseDomain(items, { restricted: !seesAllConfidential(principal) }),
    };
  }
}
