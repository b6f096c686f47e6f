import { operatingModelLabel, type ComparedField } from "@it-atlas/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { formatEuro } from "./formatEuro.ts";
import { formatVolume } from "./formatVolume.ts";
import { listSourcingVersions, SOURCING_FIELD_LABEL } from "./listSourcingVersions.ts";
import { useSourcingHistory } from "./sourcingQueries.ts";

type Sourcing = Schemas["Sourcing"];

// validTo is exclusive (the day the next version starts); people read "bis" as inclusive.
function dayBefore(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function Entry({
  label,
  changed,
  children,
}: {
  label: string;
  changed: boolean;
  children: ReactNode;
}) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className={`kern-description-list-item__value${changed ? " atlas-changed" : ""}`}>
        {children}
        {/* Said in words, not only by the highlight. */}
        {changed ? (
          <span className="kern-badge kern-badge--info atlas-changed__badge">
            <span className="kern-label">geändert</span>
          </span>
        ) : null}
      </dd>
    </div>
  );
}

function Version({
  sourcing,
  changed,
  first,
}: {
  sourcing: Sourcing;
  changed: ComparedField[];
  first: boolean;
}) {
  const has = (...fields: ComparedField[]) => fields.some((field) => changed.includes(field));
  return (
    <li className="atlas-timeline__item">
      <p className="kern-body kern-body--bold">
        Gültig von <time dateTime={sourcing.validFrom}>{formatIsoDate(sourcing.validFrom)}</time>{" "}
        bis{" "}
        {sourcing.validTo ? (
          <time dateTime={dayBefore(sourcing.validTo)}>
            {formatIsoDate(dayBefore(sourcing.validTo))}
          </time>
        ) : (
          "heute (aktueller Stand)"
        )}
      </p>
      <p className="kern-body">
        {first
          ? "Erster erfasster Stand."
          : changed.length > 0
            ? `Geändert gegenüber dem vorherigen Stand: ${changed.map((field) => SOURCING_FIELD_LABEL[field]).join(", ")}.`
            : "Gegenüber dem vorherigen Stand unverändert (nur neu belegt)."}
      </p>
      <dl className="kern-description-list">
        <Entry label="Betriebsmodell" changed={has("operatingModel")}>
          {operatingModelLabel[sourcing.operatingModel]}
        </Entry>
        <Entry label="IT-Dienstleister / Partnerkommune" changed={has("provider", "partner")}>
          {sourcing.provider ? (
            <Link className="kern-link" to={`/dienstleister/${sourcing.provider.id}`}>
              {sourcing.provider.shortName}
            </Link>
          ) : sourcing.partner ? (
            <Link className="kern-link" to={`/kommunen/${sourcing.partner.ags}`}>
              {sourcing.partner.name}
            </Link>
          ) : (
            "–"
          )}
        </Entry>
        <Entry label="Produkt" changed={has("product")}>
          {sourcing.product ? `${sourcing.product.name} (${sourcing.product.vendor})` : "–"}
        </Entry>
        {sourcing.confidentialHidden ? (
          <Entry label="Kosten und Menge" changed={false}>
            vertraulich – nur für Berechtigte sichtbar
          </Entry>
        ) : (
          <>
            <Entry label="Kosten pro Jahr" changed={has("runningCost", "investmentCost")}>
              {formatEuro(sourcing.annualCost)}
              {sourcing.annualCost !== null
                ? ` (laufend ${formatEuro(sourcing.runningCost)}, Investition ${formatEuro(sourcing.investmentCost)})`
                : ""}
            </Entry>
            <Entry label="Menge" changed={has("volume")}>
              {formatVolume(sourcing.volume, sourcing.volumeUnit)}
            </Entry>
          </>
        )}
        <Entry label="Grund" changed={false}>
          {sourcing.changeReason ?? "–"}
        </Entry>
        <Entry label="Herkunft" changed={false}>
          <SourceNote provenance={sourcing.provenance} />
          {sourcing.provenance.evidence ? (
            <span className="kern-body--small"> · {sourcing.provenance.evidence}</span>
          ) : null}
        </Entry>
      </dl>
    </li>
  );
}

/** All versions of a Kommune's Bezug of one Leistungsbereich, newest first, with what changed. */
export function SourcingHistory({
  ags,
  domain,
}: {
  ags: string;
  domain: { id: string; name: string };
}) {
  const history = useSourcingHistory(ags, domain.id);
  if (history.isPending) return <LoadingState label="Verlauf wird geladen …" />;
  if (history.isError) {
    return (
      <ErrorState
        error={history.error}
        title="Verlauf konnte nicht geladen werden"
        onRetry={() => void history.refetch()}
      />
    );
  }
  const versions = listSourcingVersions(history.data.items);
  if (versions.length === 0) {
    return <EmptyState>Für {domain.name} ist noch kein Bezug erfasst.</EmptyState>;
  }
  return (
    <>
      <p className="kern-body">
        {versions.length === 1 ? "1 Stand" : `${versions.length} Stände`}, der neueste zuerst.
      </p>
      <ol className="atlas-timeline" aria-label={`Verlauf ${domain.name}`}>
        {versions.map((version) => (
          <Version
            key={version.sourcing.id}
            sourcing={version.sourcing}
            changed={version.changed}
            first={version.previous === null}
          />
        ))}
      </ol>
    </>
  );
}
