import {
  countOzgWritesCommitted,
  getOzgRevision,
  listAdoptionRecords,
  listOnboardingRecords,
  listOnlineServices,
  listOzgCatalogue,
  listOzgKommunen,
  listResponsibilityRules,
  type OzgCatalogueRow,
  type Queryable,
  type StatusRecord,
} from "@it-atlas/db";
import {
  kommuneCoverage,
  median,
  peerClassOf,
  peerComparison,
  readinessCounts,
  serviceReadinessOf,
  sumCoverage,
  toResponsibilityRules,
  type AdoptionStatus,
  type BaseComponent,
  type CoverageCounts,
  type KommuneLeistungStatus,
  type OnlineService,
  type OzgKommune,
  type ReadinessRegion,
  type ReadinessRow,
  type ReadinessStatus,
  type ResponsibilityRules,
  type ResponsibleType,
  type ServiceReadiness,
} from "@it-atlas/domain";
import { LandscapeRevision } from "./LandscapeRevision.ts";

type Record_ = Omit<StatusRecord, "organisationKey" | "subject">;

/** Everything the board knows about one Kommune. */
export interface KommuneState {
  kommune: OzgKommune;
  population: number;
  peerClass: ResponsibleType;
  coverage: CoverageCounts;
  entries: KommuneLeistungStatus[];
  responsibleIds: Set<number>;
  adoptions: Map<number, Record_>;
  onboarding: Map<BaseComponent, Record_>;
}

/** The computed board: every Kommune's coverage, the catalogue and the services. */
export interface BoardState {
  kommunen: KommuneState[];
  byKey: Map<string, KommuneState>;
  catalogue: OzgCatalogueRow[];
  rules: ResponsibilityRules;
  services: OnlineService[];
  peerShares: Map<ResponsibleType, Array<number | null>>;
}

/** Filters of the readiness board. */
export interface ReadinessFilter {
  regierungsbezirk?: string | undefined;
  kreis?: string | undefined;
  peerClass?: ResponsibleType | undefined;
  serviceId?: string | undefined;
  /** A readiness status, or `nicht_angebunden` (offen, geplant or in Anbindung). */
  status?: ReadinessStatus | "nicht_angebunden" | undefined;
}

const NOT_CONNECTED: ReadonlySet<ReadinessStatus> = new Set(["offen", "geplant", "in_anbindung"]);

async function loadBoard(db: Queryable): Promise<BoardState> {
  const [kommunen, catalogue, ruleRows, services, adoptions, onboarding] = await Promise.all([
    listOzgKommunen(db),
    listOzgCatalogue(db),
    listResponsibilityRules(db),
    listOnlineServices(db),
    listAdoptionRecords(db),
    listOnboardingRecords(db),
  ]);
  const rules = toResponsibilityRules(ruleRows);
  const adoptionsByKommune = new Map<string, Map<number, Record_>>();
  for (const { organisationKey, subject, ...record } of adoptions) {
    let map = adoptionsByKommune.get(organisationKey);
    if (!map) adoptionsByKommune.set(organisationKey, (map = new Map<number, Record_>()));
    map.set(subject as number, record);
  }
  const onboardingByKommune = new Map<string, Map<BaseComponent, Record_>>();
  for (const { organisationKey, subject, ...record } of onboarding) {
    let map = onboardingByKommune.get(organisationKey);
    if (!map) onboardingByKommune.set(organisationKey, (map = new Map<BaseComponent, Record_>()));
    map.set(subject as BaseComponent, record);
  }
  const states: KommuneState[] = kommunen.map((row) => {
    const recorded = adoptionsByKommune.get(row.key) ?? new Map<number, Record_>();
    const statuses = new Map<number, AdoptionStatus>(
      [...recorded].map(([id, record]) => [id, record.status]),
    );
    const { counts, entries } = kommuneCoverage(row.type, catalogue, rules, statuses);
    return {
      kommune: {
        key: row.key,
        name: row.name,
        kind: row.kind,
        type: row.type,
        kreisKey: row.kreisKey,
        kreisName: row.kreisName,
        regierungsbezirkKey: row.regierungsbezirkKey,
        regierungsbezirkName: row.regierungsbezirkName,
      },
      population: row.population,
      peerClass: peerClassOf(row.type),
      coverage: counts,
      entries,
      responsibleIds: new Set(
        entries.filter((entry) => entry.responsible).map((entry) => entry.ozgId),
      ),
      adoptions: recorded,
      onboarding: onboardingByKommune.get(row.key) ?? new Map(),
    };
  });
  const peerShares = new Map<ResponsibleType, Array<number | null>>();
  for (const state of states) {
    peerShares.set(state.peerClass, [
      ...(peerShares.get(state.peerClass) ?? []),
      state.coverage.share,
    ]);
  }
  return {
    kommunen: states,
    byKey: new Map(states.map((state) => [state.kommune.key, state])),
    catalogue,
    rules,
    services,
    peerShares,
  };
}

/**
 * Computes the OZG board (coverage of every Kommune against the rule table) and keeps it while
 * the OZG revision is unchanged: every write to rules, catalogue, adoption or checklist
 * increments the revision in its transaction. The revision is kept in memory like the
 * landscape revision (own writes seen at once, other processes' within 1 s, ADR 0016).
 */
export class OzgBoard {
  private cached: { revision: number; state: Promise<BoardState> } | undefined;
  private readonly ozgRevision: LandscapeRevision;

  constructor(
    private readonly db: Queryable,
    options: { recheckMilliseconds?: number } = {},
  ) {
    this.ozgRevision = new LandscapeRevision(db, {
      ...options,
      read: getOzgRevision,
      countWrites: countOzgWritesCommitted,
    });
  }

  /** The current OZG revision (from memory while it is known to be current). */
  revision(): Promise<number> {
    return this.ozgRevision.current();
  }

  /** The current board. */
  async state(): Promise<BoardState> {
    const revision = await this.revision();
    if (this.cached?.revision !== revision) {
      const state = loadBoard(this.db);
      this.cached = { revision, state };
      state.catch(() => {
        if (this.cached?.state === state) this.cached = undefined;
      });
    }
    return this.cached.state;
  }
}

/** The service's readiness status for one Kommune. */
export function statusFor(service: OnlineService, state: KommuneState): ReadinessStatus {
  return serviceReadinessOf(
    {
      id: service.id,
      component: service.component,
      ozgIds: service.ozgLeistungen.map((leistung) => leistung.id),
    },
    state,
  );
}

function informationFor(service: OnlineService, state: KommuneState): Record_ | undefined {
  if (service.component !== null) return state.onboarding.get(service.component);
  let latest: Record_ | undefined;
  for (const leistung of service.ozgLeistungen) {
    const record = state.adoptions.get(leistung.id);
    if (
      record?.onlineServiceId === service.id &&
      (!latest || (record.informationDate ?? "") > (latest.informationDate ?? ""))
    ) {
      latest = record;
    }
  }
  return latest;
}

function inRegion(state: KommuneState, filter: ReadinessFilter): boolean {
  const kommune = state.kommune;
  if (filter.regierungsbezirk && kommune.regierungsbezirkKey !== filter.regierungsbezirk)
    return false;
  if (filter.kreis && kommune.kreisKey !== filter.kreis && kommune.key !== filter.kreis)
    return false;
  if (filter.peerClass && state.peerClass !== filter.peerClass) return false;
  return true;
}

function matchesStatus(status: ReadinessStatus | null, wanted: ReadinessFilter["status"]): boolean {
  if (!wanted) return true;
  if (status === null) return false;
  return wanted === "nicht_angebunden" ? NOT_CONNECTED.has(status) : status === wanted;
}

/** The readiness board: Kommunen (filtered), sums per Kreis and Regierungsbezirk, the service. */
export function readinessBoard(
  board: BoardState,
  filter: ReadinessFilter,
  service: OnlineService | undefined,
): {
  rows: ReadinessRow[];
  regions: ReadinessRegion[];
  total: CoverageCounts;
  service: ServiceReadiness | null;
} {
  const inScope = board.kommunen.filter((state) => inRegion(state, filter));
  const statusOf = new Map(
    inScope.map((state) => [state.kommune.key, service ? statusFor(service, state) : null]),
  );
  const rows: ReadinessRow[] = inScope
    .filter((state) => matchesStatus(statusOf.get(state.kommune.key) ?? null, filter.status))
    .map((state) => {
      const information = service ? informationFor(service, state) : undefined;
      return {
        kommune: state.kommune,
        coverage: state.coverage,
        peerMedian: median(
          (board.peerShares.get(state.peerClass) ?? []).filter(
            (share): share is number => share !== null,
          ),
        ),
        serviceStatus: statusOf.get(state.kommune.key) ?? null,
        serviceInformationDate: information?.informationDate ?? null,
        serviceDemo: information?.demo ?? false,
      };
    });
  const groups = new Map<
    string,
    { name: string; level: "kreis" | "regierungsbezirk"; members: KommuneState[] }
  >();
  const add = (
    key: string | null,
    name: string | null,
    level: "kreis" | "regierungsbezirk",
    state: KommuneState,
  ) => {
    if (!key || !name) return;
    const group = groups.get(key) ?? { name, level, members: [] };
    group.members.push(state);
    groups.set(key, group);
  };
  for (const state of inScope) {
    const kommune = state.kommune;
    // A Kreis groups itself and its Gemeinden; a kreisfreie Stadt stands for itself.
    if (kommune.kind === "kreis") add(kommune.key, kommune.name, "kreis", state);
    else if (kommune.kreisKey) add(kommune.kreisKey, kommune.kreisName, "kreis", state);
    else add(kommune.key, kommune.name, "kreis", state);
    add(kommune.regierungsbezirkKey, kommune.regierungsbezirkName, "regierungsbezirk", state);
  }
  const regions: ReadinessRegion[] = [...groups]
    .map(([key, group]) => ({
      key,
      name: group.name,
      level: group.level,
      kommunen: group.members.length,
      coverage: sumCoverage(group.members.map((member) => member.coverage)),
      serviceCounts: service
        ? readinessCounts(
            group.members.map((member) => statusOf.get(member.kommune.key) ?? "nicht_zustaendig"),
          )
        : null,
    }))
    .sort((a, b) =>
      a.level === b.level
        ? a.name.localeCompare(b.name, "de")
        : a.level === "regierungsbezirk"
          ? -1
          : 1,
    );
  return {
    rows,
    regions,
    total: sumCoverage(inScope.map((state) => state.coverage)),
    service: service
      ? {
          service: serviceSummary(service),
          counts: readinessCounts(
            inScope.map((state) => statusOf.get(state.kommune.key) ?? "nicht_zustaendig"),
          ),
        }
      : null,
  };
}

/** The short form of a service on the board. */
export function serviceSummary(service: OnlineService): ServiceReadiness["service"] {
  return {
    id: service.id,
    name: service.name,
    kind: service.kind,
    component: service.component,
    efa: service.efa,
    operatorName: service.operatorName,
    demo: service.demo,
  };
}

/** Readiness of every service within a region. */
export function servicesReadiness(board: BoardState, filter: ReadinessFilter): ServiceReadiness[] {
  const inScope = board.kommunen.filter((state) => inRegion(state, filter));
  return board.services.map((service) => ({
    service: serviceSummary(service),
    counts: readinessCounts(inScope.map((state) => statusFor(service, state))),
  }));
}

/** Where a Kommune's share stands among its size class. */
export function peersOf(board: BoardState, state: KommuneState) {
  return peerComparison(state.coverage.share, board.peerShares.get(state.peerClass) ?? []);
}
