import {
  findOrganisation,
  listBoundaries,
  listKpiSeries,
  listSources,
  type BoundaryLevel,
  type Queryable,
} from "@it-atlas/db";
import {
  NotFoundError,
  OperatingModel,
  type CoverageCounts,
  type KpiLevel,
  type KpiPoint,
  type KpiValue,
  type Principal,
  type Source,
  type Sourcing,
} from "@it-atlas/domain";
import type { PdfMapShape } from "../export/textPdf.ts";
import {
  currentKpis,
  redactKpiFigures,
  type KpiFiguresView,
  type KpiSources,
} from "./kpiService.ts";
import { todayInGermany } from "./landscapeService.ts";
import { readinessBoard } from "./ozgReadinessService.ts";

/** Levels a landscape report can describe. */
export type ReportLevel = Exclude<KpiLevel, "kommune">;

/** How a Leistungsbereich is provided in a scope: Kommunen per operating model, main providers. */
export interface DomainSourcingRow {
  domainId: string;
  domainName: string;
  byModel: Record<OperatingModel, number>;
  /** Providers by number of Kommunen, most first. */
  providers: Array<{ name: string; kommunen: number }>;
  /** True when a counted row is synthetic ("Demodaten (synthetisch)"). */
  demo: boolean;
}

/** Everything a landscape report shows; the figures are those of the Kennzahlen page. */
export interface LandscapeReportData {
  level: ReportLevel;
  key: string;
  name: string;
  asOf: string;
  figures: KpiFiguresView;
  gemeinden: number;
  ozg: CoverageCounts;
  sourcing: DomainSourcingRow[];
  /** The next level down (Regierungsbezirke, Kreise, or Kommunen of a Kreis). */
  children: Array<{ level: KpiLevel; key: string; name: string; figures: KpiFiguresView }>;
  map: PdfMapShape[];
  mapCaption: string;
  sources: Source[];
}

function emptyModels(): Record<OperatingModel, number> {
  return Object.fromEntries(OperatingModel.options.map((model) => [model, 0])) as Record<
    OperatingModel,
    number
  >;
}

/** Kommunen per operating model and the main providers of each Leistungsbereich. */
export function sourcingByDomain(items: readonly Sourcing[]): DomainSourcingRow[] {
  const rows = new Map<string, DomainSourcingRow & { providerCounts: Map<string, number> }>();
  for (const item of items) {
    let row = rows.get(item.domain.id);
    if (!row) {
      row = {
        domainId: item.domain.id,
        domainName: item.domain.name,
        byModel: emptyModels(),
        providers: [],
        demo: false,
        providerCounts: new Map(),
      };
      rows.set(item.domain.id, row);
    }
    row.byModel[item.operatingModel] += 1;
    if (item.demo) row.demo = true;
    if (item.provider) {
      row.providerCounts.set(
        item.provider.shortName,
        (row.providerCounts.get(item.provider.shortName) ?? 0) + 1,
      );
    }
  }
  return [...rows.values()].map(({ providerCounts, ...row }) => ({
    ...row,
    providers: [...providerCounts]
      .map(([name, kommunen]) => ({ name, kommunen }))
      .sort((a, b) => b.kommunen - a.kommunen || a.name.localeCompare(b.name, "de")),
  }));
}

function ringsOf(geometry: unknown): Array<Array<[number, number]>> {
  const value = geometry as { type?: string; coordinates?: unknown } | null;
  if (value?.type === "Polygon") return value.coordinates as Array<Array<[number, number]>>;
  if (value?.type === "MultiPolygon")
    return (value.coordinates as Array<Array<Array<[number, number]>>>).flat();
  return [];
}

async function mapOf(
  db: Queryable,
  level: ReportLevel,
  key: string,
): Promise<{ shapes: PdfMapShape[]; caption: string }> {
  const boundaryLevel: BoundaryLevel =
    level === "kreis" ? "gemeinde" : level === "regierungsbezirk" ? "kreis" : "regierungsbezirk";
  const { features } = await listBoundaries(db, boundaryLevel);
  const inScope = features.filter((feature) =>
    level === "nrw"
      ? true
      : level === "regierungsbezirk"
        ? feature.properties.regierungsbezirkKey === key
        : feature.properties.kreisKey === key || feature.properties.key === key,
  );
  const what =
    level === "kreis"
      ? "Gemeinden"
      : level === "regierungsbezirk"
        ? "Kreise und kreisfreien Städte"
        : "Regierungsbezirke";
  return {
    shapes: inScope.map((feature, index) => ({
      rings: ringsOf(feature.geometry),
      highlight: index % 2 === 1,
    })),
    caption: `Karte: ${inScope.length} ${what} (© GeoBasis-DE / BKG (Daten verändert), dl-de/by-2-0)`,
  };
}

function childLevel(level: ReportLevel): KpiLevel {
  return level === "nrw" ? "regierungsbezirk" : level === "regierungsbezirk" ? "kreis" : "kommune";
}

/** Whether a scope lies directly below the report's scope (keys nest: 057 → 05766 → 05766020). */
function isChild(value: KpiValue, level: ReportLevel, key: string): boolean {
  if (value.level !== childLevel(level)) return false;
  if (level === "nrw") return true;
  return value.key.startsWith(key);
}

/** The data of the landscape report of NRW, a Regierungsbezirk or a Kreis. */
export async function landscapeReportData(
  sources: KpiSources,
  principal: Principal,
  level: ReportLevel,
  key: string,
): Promise<LandscapeReportData> {
  const asOf = todayInGermany();
  const values = await currentKpis(sources);
  const value = values.find((entry) => entry.level === level && entry.key === key);
  if (!value) {
    throw new NotFoundError("report_scope_not_found", `Es gibt kein Gebiet „${key}“ dieser Ebene.`);
  }
  const filter =
    level === "nrw"
      ? {}
      : level === "regierungsbezirk"
        ? { regierungsbezirk: key }
        : { kreis: key };
  const [board, items, map, sourceList] = await Promise.all([
    sources.board.state(),
    sources.landscape.all({ asOf, ...filter }),
    mapOf(sources.db, level, key),
    listSources(sources.db),
  ]);
  const ozg = readinessBoard(board, filter, undefined).total;
  const scopeKommunen = board.kommunen.filter((state) =>
    level === "nrw"
      ? true
      : level === "regierungsbezirk"
        ? state.kommune.regierungsbezirkKey === key
        : state.kommune.key === key || state.kommune.kreisKey === key,
  );
  const view = (entry: KpiValue) =>
    redactKpiFigures(principal, entry.level, entry.key, entry.figures);
  return {
    level,
    key,
    name: value.name,
    asOf,
    figures: view(value),
    gemeinden: scopeKommunen.filter((state) => state.kommune.kind === "gemeinde").length,
    ozg,
    sourcing: sourcingByDomain(items),
    children: values
      .filter((entry) => isChild(entry, level, key))
      .map((entry) => ({
        level: entry.level,
        key: entry.key,
        name: entry.name,
        figures: view(entry),
      })),
    map: map.shapes,
    mapCaption: map.caption,
    sources: sourceList,
  };
}

/** The data of a Kommune profile. */
export async function kommuneProfileData(
  sources: KpiSources,
  principal: Principal,
  ags: string,
): Promise<{
  name: string;
  organisation: NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;
  asOf: string;
  figures: KpiFiguresView;
  ozg: CoverageCounts;
  sourcing: Sourcing[];
  sources: Source[];
}> {
  const organisation = await findOrganisation(sources.db, ags);
  const asOf = todayInGermany();
  const values = await currentKpis(sources);
  const value = values.find((entry) => entry.level === "kommune" && entry.key === ags);
  if (!organisation || !value) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune mit dem Schlüssel ${ags}.`,
    );
  }
  const [board, items, sourceList] = await Promise.all([
    sources.board.state(),
    sources.landscape.all({ asOf, organisation: ags }),
    listSources(sources.db),
  ]);
  return {
    name: value.name,
    organisation,
    asOf,
    figures: redactKpiFigures(principal, "kommune", ags, value.figures),
    ozg: board.byKey.get(ags)?.coverage ?? readinessBoard(board, { kreis: ags }, undefined).total,
    sourcing: items,
    sources: sourceList,
  };
}

/** The KPI series of a scope for the progress report (costs redacted for the viewer). */
export async function progressReportData(
  db: Queryable,
  principal: Principal,
  level: KpiLevel,
  key: string,
): Promise<{
  name: string;
  points: Array<Omit<KpiPoint, "figures"> & { figures: KpiFiguresView }>;
}> {
  const series = await listKpiSeries(db, level, key);
  if (series.name === null) {
    throw new NotFoundError(
      "kpi_series_empty",
      "Für dieses Gebiet gibt es noch keine erfassten Kennzahlen. Bitte zuerst Kennzahlen erfassen.",
    );
  }
  return {
    name: series.name,
    points: series.points.map((point) => ({
      ...point,
      figures: redactKpiFigures(principal, level, key, point.figures),
    })),
  };
}
