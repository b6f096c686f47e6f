import { can } from "@it-atlas/domain";
import { Link, useNavigate, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useBoundaries, useProvider } from "../../api/hooks.ts";
import { CATEGORY_COLORS, FOCUS_FILL, NEUTRAL_FILL } from "../../map/palette.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { formatIsoDate, toHref } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, failureHeading, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { SignedInOnly } from "../auth/RequireSignIn.tsx";
import { ProviderCorrections } from "../corrections/ProviderCorrections.tsx";
import { ProviderCustomersByDomain } from "../sourcing/ProviderCustomersByDomain.tsx";
import { ProviderOfferTable } from "../sourcing/ProviderOfferTable.tsx";
import { MembershipTable } from "./MembershipTable.tsx";
import { EVENT_TYPE_LABEL, PROVIDER_KIND_LABEL, STATUS_LABEL } from "./providerLabels.ts";

type Detail = Schemas["ProviderDetail"];
type Boundaries = NonNullable<ReturnType<typeof useBoundaries>["data"]>;

const KREIS_ONLY_FILL = CATEGORY_COLORS[4];

/** Gemeinden that are members themselves, and Gemeinden whose Kreis is a member. */
function memberAreas(provider: Detail, boundaries: Boundaries | undefined) {
  const direct = new Set(
    provider.members
      .filter((member) => member.organisation.kind === "gemeinde")
      .map((member) => member.organisation.key),
  );
  const kreise = new Set(
    provider.members
      .filter((member) => member.organisation.kind === "kreis")
      .map((member) => member.organisation.key),
  );
  const viaKreis = new Set(
    (boundaries?.features ?? [])
      .filter((feature) => feature.properties.kreisKey && kreise.has(feature.properties.kreisKey))
      .map((feature) => feature.properties.key)
      .filter((key) => !direct.has(key)),
  );
  return { direct, viaKreis, kreisCount: kreise.size };
}

function Timeline({ events }: { events: Detail["events"] }) {
  if (events.length === 0)
    return <EmptyState>Für diesen Dienstleister sind keine Ereignisse belegt.</EmptyState>;
  return (
    <ol className="atlas-timeline">
      {events.map((event) => (
        <li key={event.id} className="atlas-timeline__item">
          <p className="kern-body kern-body--bold">
            <time dateTime={event.date.from}>
              {event.date.from === event.date.to ? formatIsoDate(event.date.from) : event.date.text}
            </time>{" "}
            · {EVENT_TYPE_LABEL[event.type]}
          </p>
          <p className="kern-body">{event.description}</p>
          <p className="kern-body kern-body--small">
            Beteiligt:{" "}
            {event.providers.map((provider, index) => (
              <span key={provider.id}>
                {index > 0 ? ", " : ""}
                <Link className="kern-link" to={`/dienstleister/${provider.id}`}>
                  {provider.shortName}
                </Link>
              </span>
            ))}
            {event.target ? (
              <>
                {" → "}
                <Link className="kern-link" to={`/dienstleister/${event.target.id}`}>
                  {event.target.shortName}
                </Link>
              </>
            ) : null}
          </p>
          <SourceNote provenance={event.provenance} />
        </li>
      ))}
    </ol>
  );
}

/**
 * IT-Dienstleister profile: facts, lineage, event timeline, members on the map, customers per
 * Leistungsbereich, offers, and members as a table.
 */
export function ProviderDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const provider = useProvider(id);
  const boundaries = useBoundaries("gemeinde");
  const { principal } = usePrincipal();
  usePageTitle(
    provider.data?.shortName ??
      (provider.isError ? failureHeading(provider.error, "IT-Dienstleister") : "IT-Dienstleister"),
  );

  if (provider.isPending) return <LoadingState />;
  if (provider.isError) {
    return (
      <LoadFailure
        error={provider.error}
        what="IT-Dienstleister"
        back={{ to: "/dienstleister", label: "Zur Liste der IT-Dienstleister" }}
        onRetry={() => void provider.refetch()}
      />
    );
  }
  const data = provider.data;
  const areas = memberAreas(data, boundaries.data);

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/dienstleister">
          IT-Dienstleister
        </Link>{" "}
        › {data.shortName}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {data.shortName}
      </h1>
      <p className="kern-body kern-body--large">{data.name}</p>
      {data.status === "active" && can(principal, "reorganisation:preview") ? (
        <p className="kern-body">
          <Link
            className="kern-link"
            to={`/dienstleister/reorganisation?quelle=${encodeURIComponent(data.id)}`}
          >
            Fusion oder Umbenennung mit diesem Dienstleister erfassen
          </Link>
        </p>
      ) : null}
      <div className="atlas-two-columns">
        <section aria-labelledby="steckbrief">
          <h2 id="steckbrief" className="kern-heading-medium">
            Steckbrief
          </h2>
          <dl className="kern-description-list">
            {[
              ["Art", PROVIDER_KIND_LABEL[data.kind]],
              ["Rechtsform", data.legalForm ?? "–"],
              ["Sitz", data.seat ?? "–"],
              ["Gegründet", data.foundedText ?? "nicht belegt"],
              ["Status", STATUS_LABEL[data.status]],
            ].map(([label, value]) => (
              <div key={label} className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{label}</dt>
                <dd className="kern-description-list-item__value">{value}</dd>
              </div>
            ))}
            {data.owner ? (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">Träger</dt>
                <dd className="kern-description-list-item__value">
                  <Link className="kern-link" to={`/kommunen/${data.owner.key}`}>
                    {data.owner.name}
                  </Link>
                </dd>
              </div>
            ) : null}
            {data.website ? (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">Website</dt>
                <dd className="kern-description-list-item__value">
                  <a className="kern-link" href={toHref(data.website)} rel="noreferrer">
                    {data.website}
                  </a>
                </dd>
              </div>
            ) : null}
            {data.facts ? (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">Belegte Fakten</dt>
                <dd className="kern-description-list-item__value">{data.facts}</dd>
              </div>
            ) : null}
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Herkunft</dt>
              <dd className="kern-description-list-item__value">
                <SourceNote provenance={data.provenance} />
              </dd>
            </div>
          </dl>
          <h3 className="kern-heading-small">Vorgänger und Nachfolger</h3>
          {data.predecessors.length === 0 && !data.successor ? (
            <p className="kern-body">Keine Vorgänger oder Nachfolger belegt.</p>
          ) : (
            <ul className="kern-list">
              {data.predecessors.map((predecessor) => (
                <li key={predecessor.id}>
                  Vorgänger:{" "}
                  <Link className="kern-link" to={`/dienstleister/${predecessor.id}`}>
                    {predecessor.shortName}
                  </Link>{" "}
                  ({STATUS_LABEL[predecessor.status]})
                </li>
              ))}
              {data.successor ? (
                <li>
                  Nachfolger:{" "}
                  <Link className="kern-link" to={`/dienstleister/${data.successor.id}`}>
                    {data.successor.shortName}
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </section>
        <section aria-labelledby="karte">
          <h2 id="karte" className="kern-heading-medium">
            Mitglieder und Kunden auf der Karte
          </h2>
          {boundaries.data ? (
            <NrwMap
              boundaries={boundaries.data}
              title={`Belegte Mitglieder und Kunden von ${data.shortName}`}
              summary={`${areas.direct.size} Gemeinden direkt belegt, ${areas.kreisCount} Kreise als Mitglied (deren Gemeinden heller markiert). Alle Einträge stehen in der Tabelle unten.`}
              fill={(key) =>
                areas.direct.has(key)
                  ? FOCUS_FILL
                  : areas.viaKreis.has(key)
                    ? KREIS_ONLY_FILL
                    : NEUTRAL_FILL
              }
              legend={[
                { color: FOCUS_FILL, label: "Gemeinde selbst belegt" },
                { color: KREIS_ONLY_FILL, label: "nur ihr Kreis belegt" },
                { color: NEUTRAL_FILL, label: "keine Beziehung belegt" },
              ]}
              onSelect={(key) => void navigate(`/kommunen/${key}`)}
            />
          ) : (
            <LoadingState label="Karte wird geladen …" />
          )}
        </section>
      </div>

      <ProviderCorrections provider={data} />

      <section aria-labelledby="ereignisse">
        <h2 id="ereignisse" className="kern-heading-medium">
          Ereignisse
        </h2>
        <Timeline events={data.events} />
      </section>

      <section aria-labelledby="kunden">
        <h2 id="kunden" className="kern-heading-medium">
          Kunden je Leistungsbereich
        </h2>
        <p className="kern-body">
          Welche Kommunen heute welchen Leistungsbereich von {data.shortName} beziehen, laut
          IT-Landkarte.
        </p>
        <SignedInOnly what="Die Kunden je Leistungsbereich">
          <ProviderCustomersByDomain providerId={data.id} shortName={data.shortName} />
        </SignedInOnly>
      </section>

      <section aria-labelledby="angebote">
        <h2 id="angebote" className="kern-heading-medium">
          Angebote
        </h2>
        <SignedInOnly what="Die Angebote">
          <ProviderOfferTable providerId={data.id} shortName={data.shortName} />
        </SignedInOnly>
      </section>

      <section aria-labelledby="mitglieder">
        <h2 id="mitglieder" className="kern-heading-medium">
          Belegte Mitglieder und Kunden ({data.members.length})
        </h2>
        {data.members.length === 0 ? (
          <EmptyState>
            Für {data.shortName} sind keine Mitglieder oder Kunden mit Quelle belegt.
          </EmptyState>
        ) : (
          <MembershipTable
            memberships={data.members}
            show="organisation"
            caption={`Mitglieder von ${data.shortName}`}
          />
        )}
      </section>
    </>
  );
}
