import {
  findServiceDomain,
  getLandscapeRevision,
  listAllSourcingVersions,
  listProducts,
  type LandscapeFilter,
  type Queryable,
  type SourcingWithScope,
} from "@it-atlas/db";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
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

/** The rows as a principal may see them (confidential figures hidden where not allowed). */
export function redactFor(principal: Principal, items: Sourcing[]): Sourcing[] {
  return seesAllConfidential(principal)
    ? items
    : items.map((item) => redactSourcing(principal, item));
}

const gzipAsync = promisify(gzipCallback);

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

/** A response body serialised once and reused while the landscape is unchanged. */
export interface SerialisedBody {
  json: string;
  gzip?: Buffer;
}

/**
 * Reads the landscape through a small cache keyed by the filter and the landscape revision,
 * which every write increments in its transaction: a cached page is used only while no write
 * has happened since. One cheap revision query per request instead of the full as-of join.
 */
export class LandscapeReader {
  private snapshot: { revision: number; rows: SourcingWithScope[] } | undefined;
  private readonly bodies = new Map<string, { revision: number; body: SerialisedBody }>();
  /** Computations under way, so concurrent misses for the same page share one query. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Queryable) {}

  /**
   * The landscape page as a JSON body (and gzip on request), serialised once per filter and
   * revision: under load the server then only sends bytes. `serialise` must validate against
   * the response schema, because Fastify sends a prepared string as it is.
   */
  async body(
    filter: LandscapeFilter,
    principal: Principal,
    serialise: (value: { items: Sourcing[]; total: number }) => string,
    gzip: boolean,
  ): Promise<SerialisedBody> {
    const revision = await getLandscapeRevision(this.db);
    // Principals who see the same figures share one prepared body.
    const key = `${visibilityKey(principal)}|${JSON.stringify(filter)}`;
    let entry = this.bodies.get(key);
    if (!entry || entry.revision !== revision) {
      entry = await this.once(`body:${revision}:${key}`, async () => {
        const value = await this.list(filter);
        const made = {
          revision,
          body: {
            json: serialise({ ...value, items: redactFor(principal, value.items) }),
          } as SerialisedBody,
        };
        if (this.bodies.size >= MAX_CACHED) {
          const oldest = this.bodies.keys().next().value;
          if (oldest !== undefined) this.bodies.delete(oldest);
        }
        this.bodies.set(key, made);
        return made;
      });
    }
    const body = entry.body;
    if (gzip && !body.gzip) {
      // Level 4: most of the size gain of 6 at about half the CPU (zlib runs off the main thread).
      body.gzip = await this.once(`gzip:${revision}:${key}`, () =>
        gzipAsync(body.json, { level: 4 }),
      );
    }
    return body;
  }

  /** Runs `work` once for concurrent callers with the same key. */
  private async once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /** Every sourcing version, loaded once per landscape revision (a few MB for NRW). */
  private async versions(): Promise<SourcingWithScope[]> {
    const revision = await getLandscapeRevision(this.db);
    if (this.snapshot?.revision === revision) return this.snapshot.rows;
    return this.once(`versions:${revision}`, async () => {
      const rows = await listAllSourcingVersions(this.db);
      this.snapshot = { revision, rows };
      return rows;
    });
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
