import { findProvider, findServiceDomain, type Queryable } from "@it-atlas/db";
import {
  analyseDomain,
  analyseFragmentation,
  costPointsOf,
  fitDomainCostCurves,
  groupByDomain,
  listProviderScales,
  NotFoundError,
  seesAllConfidential,
  withoutConfidentialDomain,
  withoutConfidentialOverview,
  type CostPoint,
  type DomainAnalysis,
  type DomainCostCurve,
  type FragmentationOverview,
  type OperatingModel,
  type Principal,
  type Provider,
  type ProviderScale,
  type ServiceDomain,
} from "@it-atlas/domain";
import type { LandscapeReader } from "./landscapeService.ts";

const MAX_CACHED = 50;

/**
 * Fragmentation, concentration and cost-curve analyses of the landscape as of a day, computed
 * from the in-memory landscape snapshot by the pure functions of `domain/analysis` on the full
 * figures, then reduced to what the viewer may see: without access to every Kommune's costs,
 * counts, shares and HHI stay and every cost and absolute volume goes.
 */
export class AnalysisService {
  /** Results per landscape revision, day and kind; the bootstrap of cost curves is the costly part. */
  private readonly cache = new Map<string, { revision: number; value: unknown }>();

  constructor(
    private readonly db: Queryable,
    private readonly landscape: LandscapeReader,
  ) {}

  /** Computations under way by revision and key: concurrent misses share one computation. */
  private readonly pending = new Map<string, Promise<unknown>>();

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const revision = await this.landscape.revision();
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit.value as T;
    const pendingKey = `${revision}|${key}`;
    const running = this.pending.get(pendingKey) as Promise<T> | undefined;
    if (running) return running;
    const started = compute()
      .then((value) => {
        const latest = this.cache.get(key);
        if (!latest || latest.revision <= revision) {
          if (this.cache.size >= MAX_CACHED && !latest) {
            const oldest = this.cache.keys().next().value;
            if (oldest !== undefined) this.cache.delete(oldest);
          }
          this.cache.set(key, { revision, value });
        }
        return value;
      })
      .finally(() => this.pending.delete(pendingKey));
    this.pending.set(pendingKey, started);
    return started;
  }

  /** The NRW fragmentation overview as of a day. */
  async fragmentation(
    asOf: string,
    principal: Principal,
  ): Promise<FragmentationOverview & { confidentialHidden: boolean }> {
    const overview = await this.cached(`fragmentation|${asOf}`, async () =>
      analyseFragmentation(await this.landscape.all({ asOf })),
    );
    const full = seesAllConfidential(principal);
    return {
      ...(full ? overview : withoutConfidentialOverview(overview)),
      confidentialHidden: !full,
    };
  }

  private async leafDomain(id: string): Promise<ServiceDomain> {
    const domain = await findServiceDomain(this.db, id);
    if (!domain || domain.isGroup)
      throw new NotFoundError("domain_not_found", `Es gibt keinen Leistungsbereich „${id}“.`);
    return domain;
  }

  /** The drill-down of one domain as of a day. */
  async domain(
    id: string,
    asOf: string,
    principal: Principal,
  ): Promise<DomainAnalysis & { domain: ServiceDomain; confidentialHidden: boolean }> {
    const domain = await this.leafDomain(id);
    const analysis = await this.cached(`domain|${id}|${asOf}`, async () =>
      analyseDomain(await this.landscape.all({ asOf, domain: id })),
    );
    const full = seesAllConfidential(principal);
    return {
      ...(full ? analysis : withoutConfidentialDomain(analysis)),
      domain,
      confidentialHidden: !full,
    };
  }

  /** One provider's scale in every domain it serves as of a day (counts and shares for all, volumes and costs for full viewers). */
  async provider(
    id: string,
    asOf: string,
    principal: Principal,
  ): Promise<{
    provider: Provider;
    items: ProviderScale[];
    kommunen: number;
    confidentialHidden: boolean;
  }> {
    const provider = await findProvider(this.db, id);
    if (!provider)
      throw new NotFoundError(
        "provider_not_found",
        `Es gibt keinen IT-Dienstleister mit der Kennung „${id}“.`,
      );
    const result = await this.cached(`provider|${id}|${asOf}`, async () => {
      const rows = await this.landscape.all({ asOf });
      return {
        items: listProviderScales(rows).filter((item) => item.providerId === id),
        kommunen: new Set(
          rows.filter((row) => row.provider?.id === id).map((row) => row.organisation.ags),
        ).size,
      };
    });
    const full = seesAllConfidential(principal);
    return {
      provider,
      kommunen: result.kommunen,
      items: full
        ? result.items
        : result.items.map((item) => ({ ...item, volume: null, runningCost: null })),
      confidentialHidden: !full,
    };
  }

  /** Fitted cost curves of every domain; empty for viewers who may not see all costs. */
  async costCurves(
    asOf: string,
    operatingModel: OperatingModel | undefined,
    principal: Principal,
  ): Promise<{ items: DomainCostCurve[]; confidentialHidden: boolean }> {
    if (!seesAllConfidential(principal)) return { items: [], confidentialHidden: true };
    const models = operatingModel ? [operatingModel] : [];
    const items = await this.cached(`curves|${asOf}|${operatingModel ?? ""}`, async () => {
      // About 50 ms of bootstrap per domain: yield between domains so other requests go on.
      const curves: DomainCostCurve[] = [];
      for (const rows of groupByDomain(await this.landscape.all({ asOf })).values()) {
        curves.push(...fitDomainCostCurves(rows, models));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return curves.sort((a, b) => a.domainName.localeCompare(b.domainName, "de"));
    });
    return { items, confidentialHidden: false };
  }

  /** One domain's cost curve with the data points it was fitted to (analysts only). */
  async costCurve(
    id: string,
    asOf: string,
    operatingModel: OperatingModel | undefined,
    principal: Principal,
  ): Promise<{
    domain: ServiceDomain;
    curve: DomainCostCurve | null;
    points: CostPoint[];
    confidentialHidden: boolean;
  }> {
    const domain = await this.leafDomain(id);
    if (!seesAllConfidential(principal))
      return { domain, curve: null, points: [], confidentialHidden: true };
    const models = operatingModel ? [operatingModel] : [];
    return this.cached(`curve|${id}|${asOf}|${operatingModel ?? ""}`, async () => {
      const rows = (await this.landscape.all({ asOf, domain: id })).filter(
        (row) => models.length === 0 || models.includes(row.operatingModel),
      );
      const [curve] = fitDomainCostCurves(rows, models);
      return {
        domain,
        curve: curve ?? null,
        points: costPointsOf(rows),
        confidentialHidden: false,
      };
    });
  }
}
