import { can, peerClassLabel } from "@it-atlas/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { ChecklistTable } from "./ChecklistTable.tsx";
import { ChecklistEditDialog, LeistungEditDialog } from "./EditDialogs.tsx";
import { KommuneLeistungenTable } from "./KommuneLeistungenTable.tsx";
import { useKommuneOzg, useOnlineServices } from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import { formatCount } from "../../ui/format.ts";
import { formatShare, kommuneTypeLabel } from "./readinessColouring.ts";
import "./ozgReadiness.css";

type Leistung = Schemas["KommuneLeistung"];
type Editing =
  { kind: "leistung"; item: Leistung } | { kind: "checkliste"; item: Schemas["ChecklistItem"] };

/**
 * A Kommune's OZG-Umsetzung: coverage of its responsible OZG-Leistungen against peers of its
 * size class, the onboarding checklist of the central base components, and every Leistung
 * with status — editable for the Kommune's own editors and administrators.
 */
export function KommuneOzgPage() {
  const { key = "" } = useParams();
  const view = useKommuneOzg(key);
  const services = useOnlineServices();
  const { principal } = usePrincipal();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const name = view.data?.kommune.name ?? key;
  usePageTitle(`OZG-Umsetzung: ${name}`);
  const mayEdit = can(principal, "adoption:edit", { organisationKey: key });

  if (view.isPending) return <LoadingState label="OZG-Umsetzung wird geladen …" />;
  if (view.isError) {
    return (
      <>
        <h1 className="kern-heading-large" tabIndex={-1}>
          OZG-Umsetzung
        </h1>
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      </>
    );
  }
  const { kommune, coverage, peers, peerClass, checklist } = view.data;
  const solutionsOf = (component: string) =>
    (services.data?.items ?? [])
      .filter((service) => service.component === component)
      .map((service) => ({ id: service.id, name: service.name }));
  const anyDemo =
    view.data.leistungen.some((item) => item.record?.demo) ||
    checklist.some((item) => item.record?.demo);

  return (
    <>
      <p className="atlas-breadcrumb kern-body kern-body--small">
        <Link
          className="kern-link kern-link--small"
          to={`/ozg-umsetzung${kommune.regierungsbezirkKey ? `?rb=${kommune.regierungsbezirkKey}` : ""}`}
        >
          OZG-Umsetzung
        </Link>
        {" › "}
        {kommune.regierungsbezirkName ? `${kommune.regierungsbezirkName} › ` : ""}
        {name}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        OZG-Umsetzung: {name}
      </h1>
      <p className="kern-body">
        {kommuneTypeLabel(kommune.type)}
        {kommune.kreisName ? ` im ${kommune.kreisName}` : ""}.{" "}
        <Link className="kern-link" to={`/kommunen/${kommune.key}`}>
          Zur Kommune
        </Link>
      </p>
      <OzgNavigation />
      {message ? (
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <span className="kern-title">{message}</span>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="abdeckung-titel">
        <h2 id="abdeckung-titel" className="kern-heading-medium">
          OZG-Abdeckung
        </h2>
        <div className="atlas-coverage">
          <div className="atlas-panel">
            <p className="kern-body kern-body--bold" id="abdeckung-wert">
              {formatCount(coverage.online, coverage.responsible)} zuständigen OZG-Leistungen online
              ({formatShare(coverage.share)})
            </p>
            <div
              className="atlas-coverage__bar"
              role="img"
              aria-label={`Abdeckung ${formatShare(coverage.share)}`}
            >
              <span style={{ width: `${Math.round((coverage.share ?? 0) * 100)}%` }} />
            </div>
            <p className="kern-body kern-body--small">
              in Anbindung: {coverage.inProgress} · geplant: {coverage.planned} · offen:{" "}
              {coverage.open}
            </p>
          </div>
          <div className="atlas-panel">
            <p className="kern-body kern-body--bold">
              Vergleich: {peerClassLabel[peerClass] ?? kommuneTypeLabel(peerClass)}
            </p>
            <p className="kern-body">
              Median {formatShare(peers.median)}
              {peers.rank !== null ? ` · Rang ${peers.rank} von ${peers.peerCount}` : ""}
            </p>
            <p className="kern-body kern-body--small">
              Zuständigkeit nach der{" "}
              <Link className="kern-link kern-link--small" to="/ozg-umsetzung/regeln">
                Zuständigkeitsregel
              </Link>
              ; eigene Angaben der Kommune gehen ihr vor.
            </p>
          </div>
        </div>
        {anyDemo ? (
          <p className="kern-body kern-body--small">
            Mit <DemoBadge small /> gekennzeichnete Angaben sind synthetisch und keine Tatsachen.
          </p>
        ) : null}
      </section>

      <ChecklistTable
        checklist={checklist}
        mayEdit={mayEdit}
        onEdit={(item) => setEditing({ kind: "checkliste", item })}
      />

      <KommuneLeistungenTable
        kommuneKey={kommune.key}
        items={view.data.leistungen}
        mayEdit={mayEdit}
        onEdit={(item) => setEditing({ kind: "leistung", item })}
      />
      {editing?.kind === "leistung" ? (
        <LeistungEditDialog
          ags={kommune.key}
          leistung={editing.item}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      ) : null}
      {editing?.kind === "checkliste" ? (
        <ChecklistEditDialog
          ags={kommune.key}
          item={editing.item}
          solutions={solutionsOf(editing.item.component)}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      ) : null}
    </>
  );
}
