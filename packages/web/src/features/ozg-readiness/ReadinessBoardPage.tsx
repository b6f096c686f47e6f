import { readinessStatusLabel, ReadinessStatus, ResponsibleType } from "@it-atlas/domain";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useBoundaries } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBanner } from "../sourcing/DemoBanner.tsx";
import { formatCount, formatInteger } from "../../ui/format.ts";
import { colourReadiness, formatShare } from "./readinessColouring.ts";
import { ReadinessFilters, type BoardParams } from "./ReadinessFilters.tsx";
import { ReadinessTable } from "./ReadinessTable.tsx";
import { RegionTable } from "./RegionTable.tsx";
import { ServiceOverview } from "./ServiceOverview.tsx";
import {
  useOnlineServices,
  useReadiness,
  useServicesReadiness,
  type ReadinessQuery,
} from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import "./ozgReadiness.css";

const PARAMS = ["dienst", "rb", "kreis", "groesse", "status", "ebene"] as const;

function toQuery(params: BoardParams): ReadinessQuery {
  const status = params.status;
  return {
    dienst: params.dienst,
    regierungsbezirk: params.rb,
    kreis: params.kreis,
    groesse: ResponsibleType.safeParse(params.groesse).success
      ? (params.groesse as ReadinessQuery["groesse"])
      : undefined,
    status:
      params.dienst && (status === "nicht_angebunden" || ReadinessStatus.safeParse(status).success)
        ? (status as ReadinessQuery["status"])
        : undefined,
  };
}

/**
 * Readiness board of the OZG-Umsetzung: where central services (E-Payment, XTA, Servicekonto,
 * form solution) and EfA services are connected, and each Kommune's OZG coverage against its
 * size class — as map and table, filterable by region and status, exportable as CSV.
 */
export function ReadinessBoardPage() {
  usePageTitle("OZG-Umsetzung");
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const params = Object.fromEntries(
    PARAMS.map((name) => [name, search.get(name) ?? undefined]),
  ) as BoardParams;
  const query = toQuery(params);
  const services = useOnlineServices();
  const board = useReadiness(query);
  const overview = useServicesReadiness({
    regierungsbezirk: query.regierungsbezirk,
    kreis: query.kreis,
    groesse: query.groesse,
  });
  const level = params.ebene === "kreis" ? "kreis" : "gemeinde";
  const boundaries = useBoundaries(level);

  const update = (changes: BoardParams) => {
    // From the address bar, not this render: quick successive changes must not drop each other.
    const next = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(changes) as Array<[string, string | undefined]>) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next, { replace: true });
  };

  const service = (services.data?.items ?? []).find((item) => item.id === params.dienst);
  const rows = board.data?.rows ?? [];
  const colouring = useMemo(
    () => colourReadiness(rows, Boolean(query.dienst)),
    [rows, query.dienst],
  );
  const area = useMemo(() => {
    if (!boundaries.data) return undefined;
    const features = boundaries.data.features.filter(
      (feature) =>
        (!query.regierungsbezirk ||
          feature.properties.regierungsbezirkKey === query.regierungsbezirk) &&
        (!query.kreis ||
          feature.properties.kreisKey === query.kreis ||
          feature.properties.key === query.kreis),
    );
    return { ...boundaries.data, features };
  }, [boundaries.data, query.regierungsbezirk, query.kreis]);
  const regionName =
    board.data?.regions.find((region) => region.key === (query.kreis ?? query.regierungsbezirk))
      ?.name ?? "NRW";
  const statusText = query.status
    ? query.status === "nicht_angebunden"
      ? "noch nicht angebunden"
      : readinessStatusLabel[query.status]
    : null;
  const subject = service
    ? `${service.name}${statusText ? ` – ${statusText}` : ""}`
    : "OZG-Abdeckung (Anteil der zuständigen OZG-Leistungen online)";
  const anyDemo =
    rows.some((row) => row.serviceDemo || row.demo) ||
    Boolean(service?.demo) ||
    (services.data?.items ?? []).some((item) => item.demo);
  const fileStem = [
    "ozg-umsetzung",
    query.dienst,
    query.regierungsbezirk ?? query.kreis,
    query.status,
  ]
    .filter(Boolean)
    .join("-");
  const apiCsv = `/api/ozg/readiness.csv?${new URLSearchParams(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  ).toString()}`;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        OZG-Umsetzung
      </h1>
      <p className="kern-body">
        Welche Kommunen zentrale Dienste und EfA-Dienste angebunden haben, wo Lücken sind und wie
        viele ihrer zuständigen OZG-Leistungen jede Kommune online anbietet – im Vergleich zu
        Kommunen derselben Größenklasse.
      </p>
      <OzgNavigation />
      <ReadinessFilters params={params} services={services.data?.items ?? []} onChange={update} />
      {anyDemo ? (
        <DemoBanner>
          Onlinedienste, Betreiber, Reifegrade und der Umsetzungsstand der Kommunen sind hier
          synthetisch erzeugt (deterministisch) und keine Tatsachen. Basiskomponenten sind nur
          generisch beschrieben. Angaben, die Kommunen selbst erfassen oder importieren, ersetzen
          die Demodaten.
        </DemoBanner>
      ) : null}
      {services.isError ? <ErrorState error={services.error} /> : null}
      {board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : null}
      {board.isPending || boundaries.isPending ? (
        <LoadingState label="Umsetzungsstand wird geladen …" />
      ) : null}
      {board.data && service && board.data.service ? (
        <dl className="atlas-figures" aria-label={`Stand ${service.name} in ${regionName}`}>
          {(
            [
              "online",
              "in_anbindung",
              "geplant",
              "offen",
              "andere_loesung",
              "nicht_zustaendig",
            ] as const
          ).map((status) => (
            <div key={status} className="atlas-figure">
              <dt className="kern-body kern-body--small">{readinessStatusLabel[status]}</dt>
              <dd className="atlas-figure__value">
                {formatInteger(board.data?.service?.counts[status])}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {board.data && !service ? (
        <p className="kern-body">
          {regionName}: {formatCount(board.data.total.online, board.data.total.responsible)}{" "}
          zuständigen OZG-Leistungen online ({formatShare(board.data.total.share)}).
        </p>
      ) : null}
      {board.data && area ? (
        <section aria-labelledby="ozg-karte-titel" aria-busy={board.isPlaceholderData}>
          <h2 id="ozg-karte-titel" className="kern-heading-medium">
            Karte: {subject}
          </h2>
          <NrwMap
            boundaries={area}
            title={`${subject} in ${regionName}`}
            summary={`${rows.length} Kommunen in der Liste${level === "gemeinde" ? "; Kreise selbst erscheinen auf der Kartenebene „Kreise und kreisfreie Städte“ und in der Tabelle" : ""}.`}
            fill={colouring.colourOf}
            legend={colouring.legend}
            describe={colouring.describe}
            onSelect={(key) => void navigate(`/ozg-umsetzung/kommunen/${key}`)}
          />
        </section>
      ) : null}
      {board.data && rows.length === 0 ? (
        <EmptyState>Keine Kommune entspricht dieser Auswahl.</EmptyState>
      ) : null}
      {board.data && rows.length > 0 ? (
        <section aria-labelledby="ozg-liste-titel" aria-busy={board.isPlaceholderData}>
          <h2 id="ozg-liste-titel" className="kern-heading-medium">
            {/* While the filtered answer loads, the rows shown are the previous selection's:
                no count that could be read as the new one. */}
            {board.isPlaceholderData
              ? "Liste wird aktualisiert …"
              : `Liste: ${rows.length} Kommunen`}
          </h2>
          <ReadinessTable
            rows={rows}
            serviceName={service?.name ?? null}
            caption={`${subject} – ${regionName}`}
            fileName={`${fileStem}.csv`}
          />
          <p className="kern-body kern-body--small">
            Dieselbe Liste über die Schnittstelle:{" "}
            <a className="kern-link kern-link--small" href={apiCsv}>
              CSV der API
            </a>{" "}
            ·{" "}
            <a
              className="kern-link kern-link--small"
              href={apiCsv.replace("readiness.csv", "readiness")}
            >
              JSON der API
            </a>
          </p>
        </section>
      ) : null}
      {board.data && board.data.regions.length > 0 ? (
        <section aria-labelledby="ozg-gebiete-titel">
          <h2 id="ozg-gebiete-titel" className="kern-heading-medium">
            Je Regierungsbezirk und Kreis
          </h2>
          <RegionTable regions={board.data.regions} serviceName={service?.name ?? null} />
        </section>
      ) : null}
      {overview.data ? (
        <section aria-labelledby="ozg-dienste-titel">
          <h2 id="ozg-dienste-titel" className="kern-heading-medium">
            Zentrale Dienste und EfA-Dienste in {regionName}
          </h2>
          <ServiceOverview
            items={overview.data.items}
            linkTo={(id) => {
              const next = new URLSearchParams(search);
              next.set("dienst", id);
              next.delete("status");
              return `/ozg-umsetzung?${next.toString()}`;
            }}
          />
          <p className="kern-body kern-body--small">
            <Link className="kern-link kern-link--small" to="/ozg-umsetzung/dienste">
              Katalog der Onlinedienste und Basiskomponenten
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
