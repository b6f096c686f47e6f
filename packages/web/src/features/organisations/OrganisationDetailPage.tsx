import { Link, useNavigate, useParams } from "react-router";
import { ExpertDirectory } from "./ExpertDirectory.tsx";
import type { Schemas } from "../../api/client.ts";
import { useBoundaries, useOrganisation } from "../../api/hooks.ts";
import { FOCUS_FILL, NEUTRAL_FILL } from "../../map/palette.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { formatDecimal, formatInteger, toHref } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, failureHeading, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { MembershipHistory } from "../corrections/MembershipHistory.tsx";
import { MembershipTable } from "../providers/MembershipTable.tsx";
import { SignedInOnly } from "../auth/RequireSignIn.tsx";
import { SourcingMatrix } from "../sourcing/SourcingMatrix.tsx";
import { typeLabel } from "./organisationLabels.ts";

type Detail = Schemas["OrganisationDetail"];

type FactProvenance = Detail["facts"]["population"];

/** One attribute; with its own provenance (ADR 0024) the source line stands right beside it. */
function Fact({
  label,
  children,
  provenance,
}: {
  label: string;
  children: React.ReactNode;
  provenance?: FactProvenance | undefined;
}) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">
        {children}
        {provenance ? (
          <>
            <br />
            <SourceNote provenance={provenance} />
          </>
        ) : null}
      </dd>
    </div>
  );
}

function Facts({ organisation }: { organisation: Detail }) {
  const facts = organisation.facts;
  return (
    <dl className="kern-description-list">
      <Fact label="Name" provenance={facts.name}>
        {organisation.name}
      </Fact>
      <Fact label="Typ">{typeLabel(organisation)}</Fact>
      <Fact
        label={organisation.kind === "gemeinde" ? "Amtlicher Gemeindeschlüssel (AGS)" : "Schlüssel"}
      >
        {organisation.key}
      </Fact>
      {organisation.ars ? (
        <Fact label="Amtlicher Regionalschlüssel (ARS)">{organisation.ars}</Fact>
      ) : null}
      {organisation.officialName && organisation.officialName !== organisation.name ? (
        <Fact label="Amtlicher Name">{organisation.officialName}</Fact>
      ) : null}
      {organisation.kreis ? (
        <Fact label="Kreis">
          <Link className="kern-link" to={`/kommunen/${organisation.kreis.key}`}>
            {organisation.kreis.name}
          </Link>
        </Fact>
      ) : null}
      {organisation.regierungsbezirk ? (
        <Fact label="Regierungsbezirk">
          <Link className="kern-link" to={`/kommunen/${organisation.regierungsbezirk.key}`}>
            {organisation.regierungsbezirk.name}
          </Link>
        </Fact>
      ) : null}
      {organisation.landschaftsverband ? (
        <Fact label="Landschaftsverband">
          <Link className="kern-link" to={`/kommunen/${organisation.landschaftsverband.key}`}>
            {organisation.landschaftsverband.name}
          </Link>
        </Fact>
      ) : null}
      {organisation.seat && organisation.kind !== "gemeinde" ? (
        <Fact label="Sitz">{organisation.seat}</Fact>
      ) : null}
      <Fact label="Einwohner (Zensus 2022, Stichtag 15.05.2022)" provenance={facts.population}>
        {formatInteger(organisation.populationZensus2022)}
      </Fact>
      {organisation.population2018 !== null ? (
        <Fact label="Einwohner (31.12.2018)">{formatInteger(organisation.population2018)}</Fact>
      ) : null}
      {organisation.areaKm2 !== null ? (
        <Fact label="Fläche" provenance={facts.area}>
          {formatDecimal(organisation.areaKm2)} km²
        </Fact>
      ) : null}
      {organisation.postcode ? (
        <Fact label="Postleitzahl der Verwaltung" provenance={facts.postcode}>
          {organisation.postcode}
        </Fact>
      ) : null}
      {organisation.website ? (
        <Fact label="Website" provenance={facts.website}>
          <a className="kern-link" href={toHref(organisation.website)} rel="noreferrer">
            {organisation.website}
          </a>
        </Fact>
      ) : null}
      <Fact label="Herkunft des Eintrags">
        <SourceNote provenance={organisation.provenance} />
      </Fact>
    </dl>
  );
}

/**
 * Kommune profile: facts with sources, IT-Dienstleister memberships, map, the IT-Landkarte
 * (Bezug je Leistungsbereich, for Gemeinden and Kreise), member Gemeinden.
 */
export function OrganisationDetailPage() {
  const { key = "" } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(key);
  const boundaries = useBoundaries("gemeinde");
  usePageTitle(
    organisation.data?.name ??
      (organisation.isError ? failureHeading(organisation.error, "Kommune") : "Kommune"),
  );

  if (organisation.isPending) return <LoadingState />;
  if (organisation.isError) {
    return (
      <LoadFailure
        error={organisation.error}
        what="Kommune"
        back={{ to: "/kommunen", label: "Zur Liste der Kommunen" }}
        onRetry={() => void organisation.refetch()}
      />
    );
  }
  const data = organisation.data;
  const highlighted = new Set(
    (boundaries.data?.features ?? [])
      .filter((feature) => {
        const properties = feature.properties;
        return (
          properties.key === data.key ||
          properties.kreisKey === data.key ||
          properties.regierungsbezirkKey === data.key
        );
      })
      .map((feature) => feature.properties.key),
  );

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/kommunen">
          Kommunen
        </Link>{" "}
        › {data.name}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {data.name}
      </h1>
      <div className="atlas-two-columns">
        <section aria-labelledby="steckbrief">
          <h2 id="steckbrief" className="kern-heading-medium">
            Steckbrief
          </h2>
          <Facts organisation={data} />
        </section>
        <section aria-labelledby="lage">
          <h2 id="lage" className="kern-heading-medium">
            Lage
          </h2>
          {boundaries.data && highlighted.size > 0 ? (
            <NrwMap
              boundaries={boundaries.data}
              title={`Lage von ${data.name} in Nordrhein-Westfalen`}
              summary={`${data.name} ist auf der Karte hervorgehoben.`}
              fill={(featureKey) => (highlighted.has(featureKey) ? FOCUS_FILL : NEUTRAL_FILL)}
              highlight={highlighted}
              onSelect={(featureKey) => void navigate(`/kommunen/${featureKey}`)}
            />
          ) : boundaries.isPending ? (
            <LoadingState label="Karte wird geladen …" />
          ) : (
            <p className="kern-body">Für diese Einheit gibt es keine eigene Kartendarstellung.</p>
          )}
        </section>
      </div>

      {data.kind === "gemeinde" || data.kind === "kreis" ? (
        <p className="kern-body">
          <Link className="kern-link" to={`/kommunen/${data.key}/strategie`}>
            IT-Strategie von {data.name}
          </Link>{" "}
          (Zielbild je Leistungsbereich: vor Ort, IT-Dienstleister, interkommunal, Land oder EfA)
          {" · "}
          <a className="kern-link" href={`/api/reports/kommunen/${data.key}`}>
            Kommunenprofil als PDF
          </a>
        </p>
      ) : null}

      <section aria-labelledby="dienstleister">
        <h2 id="dienstleister" className="kern-heading-medium">
          IT-Dienstleister
        </h2>
        {data.memberships.length === 0 ? (
          <EmptyState>
            Für {data.name} ist keine Mitgliedschaft bei einem IT-Dienstleister mit Quelle belegt.
            Das heißt nicht, dass es keine gibt – nur, dass keine öffentliche Quelle gefunden wurde.
          </EmptyState>
        ) : (
          <MembershipTable
            memberships={data.memberships}
            show="provider"
            caption={`IT-Dienstleister von ${data.name}`}
          />
        )}
      </section>

      {data.kind === "gemeinde" || data.kind === "kreis" ? (
        <MembershipHistory ags={data.key} name={data.name} memberships={data.memberships} />
      ) : null}

      {data.kind === "gemeinde" || data.kind === "kreis" ? (
        <section aria-labelledby="it-landkarte">
          <h2 id="it-landkarte" className="kern-heading-medium">
            IT-Landkarte: Bezug je Leistungsbereich
          </h2>
          <p className="kern-body">
            Wie {data.name} die Leistungsbereiche bezieht, für die{" "}
            {data.kind === "kreis" ? "der Kreis" : "die Gemeinde"} zuständig ist: selbst, über einen
            IT-Dienstleister, von einer anderen Kommune, vom Land oder als EfA-Dienst.
          </p>
          <SignedInOnly what="Den Bezug je Leistungsbereich">
            <SourcingMatrix ags={data.key} name={data.name} />
          </SignedInOnly>
        </section>
      ) : null}

      {data.kind === "gemeinde" || data.kind === "kreis" ? (
        <ExpertDirectory ags={data.key} name={data.name} />
      ) : null}

      {data.children.length > 0 ? (
        <section aria-labelledby="gliederung">
          <h2 id="gliederung" className="kern-heading-medium">
            {data.kind === "kreis" ? "Kreisangehörige Gemeinden" : "Gliederung"} (
            {data.children.length})
          </h2>
          <ul className="atlas-columns-list">
            {data.children.map((child) => (
              <li key={child.key}>
                <Link className="kern-link" to={`/kommunen/${child.key}`}>
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="quellen">
        <h2 id="quellen" className="kern-heading-medium">
          Quellen
        </h2>
        <ul className="kern-list">
          {data.sources.map((source) => (
            <li key={source.id}>
              <strong>{source.id}</strong> – {source.title}
              {source.asOf ? `, Stand ${source.asOf}` : ""}
              {source.licence ? ` (${source.licence})` : ""}
              {source.attribution ? <> · {source.attribution}</> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
