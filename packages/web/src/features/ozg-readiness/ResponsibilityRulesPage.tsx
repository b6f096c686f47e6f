import { can, ResponsibleType } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { editColumn } from "../../ui/editColumn.tsx";
import { formatIsoDate } from "../../ui/format.ts";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useResponsibilityRules } from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import { kommuneTypeLabel } from "./readinessColouring.ts";
import { RuleEditDialog } from "./RuleEditDialog.tsx";
import "./ozgReadiness.css";

type Rule = Schemas["ResponsibilityRule"];

const TYPE_COLUMNS: Array<TableColumn<Rule>> = [
  { id: "leikaType", header: "LeiKa-Typ", rowHeader: true, accessor: (rule) => rule.leikaType },
  ...ResponsibleType.options.map((type) => ({
    id: type,
    header: kommuneTypeLabel(type),
    accessor: (rule: Rule) => (rule.responsibleTypes.includes(type) ? "ja" : "nein"),
  })),
  {
    id: "basis",
    header: "Begründung",
    cell: (rule) => (
      <>
        {rule.basis}
        {rule.updatedBy && rule.updatedBy !== "system" ? (
          <span className="atlas-muted">
            {" "}
            (geändert von {rule.updatedBy} am {formatIsoDate(rule.updatedAt?.slice(0, 10))})
          </span>
        ) : null}
      </>
    ),
  },
];

const LEISTUNG_COLUMNS: Array<TableColumn<Rule>> = [
  {
    id: "leistung",
    header: "OZG-Leistung",
    rowHeader: true,
    cell: (rule) => (
      <Link className="kern-link" to={`/ozg/${rule.ozgId}`}>
        {rule.ozgName ?? rule.ozgId}
      </Link>
    ),
  },
  {
    id: "responsibleTypes",
    header: "Zuständige Kommunentypen",
    accessor: (rule) => rule.responsibleTypes.map(kommuneTypeLabel).join(", ") || "keine",
  },
  { id: "basis", header: "Begründung", accessor: (rule) => rule.basis },
];

/**
 * The documented responsibility rule: which Kommune types must offer an OZG-Leistung, by
 * LeiKa-Typ and, more specific, per OZG-Leistung — with reasons; administrators edit it.
 */
export function ResponsibilityRulesPage() {
  usePageTitle("Zuständigkeitsregel");
  const rules = useResponsibilityRules();
  const { principal } = usePrincipal();
  const [editing, setEditing] = useState<Rule | null>(null);
  const mayEdit = can(principal, "ozg:configure");
  const byType = (rules.data?.items ?? []).filter((rule) => rule.scope === "leika_typ");
  const byLeistung = (rules.data?.items ?? []).filter((rule) => rule.scope === "leistung");
  const editType = editColumn<Rule>((rule) => `LeiKa-Typ ${rule.leikaType ?? ""}`, setEditing);
  const editLeistung = editColumn<Rule>(
    (rule) => `${rule.ozgName ?? rule.ozgId ?? ""}`,
    setEditing,
  );
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Zuständigkeitsregel
      </h1>
      <p className="kern-body">
        Welche OZG-Leistungen eine Kommune anbieten muss, leitet IT-Atlas in drei Stufen ab; die
        genauere Stufe geht vor:
      </p>
      <ol className="kern-list">
        <li>
          <strong>Angabe der Kommune:</strong> „nicht zuständig“ nimmt eine Leistung heraus; jeder
          andere erfasste Status (auch „offen“) nimmt sie auf.
        </li>
        <li>
          <strong>Regel der OZG-Leistung:</strong> abgeleitet aus den Leistungsbereichen und ihrer
          Rechtsgrundlage (z. B. Meldewesen: Gemeinden).
        </li>
        <li>
          <strong>Regel des LeiKa-Typs:</strong> Bedeutung der Typen nach digital-direkt.nrw (FAQ
          „LeiKa-Typ“); wer Bundes- und Landesrecht vollzieht, ist eine Annahme von IT-Atlas.
          Bündelt eine OZG-Leistung mehrere Typen, genügt ein zuständiger Typ.
        </li>
      </ol>
      <OzgNavigation />
      {rules.isPending ? <LoadingState /> : null}
      {rules.isError ? <ErrorState error={rules.error} /> : null}
      {byType.length > 0 ? (
        <section aria-labelledby="regel-typ-titel">
          <h2 id="regel-typ-titel" className="kern-heading-medium">
            Regel je LeiKa-Typ
          </h2>
          <SortableTable
            caption="Zuständige Kommunentypen je LeiKa-Typ"
            columns={mayEdit ? [...TYPE_COLUMNS, editType] : TYPE_COLUMNS}
            rows={byType}
            rowKey={(rule) => rule.leikaType ?? ""}
            striped={false}
          />
        </section>
      ) : null}
      {byLeistung.length > 0 ? (
        <section aria-labelledby="regel-leistung-titel">
          <h2 id="regel-leistung-titel" className="kern-heading-medium">
            Regeln einzelner OZG-Leistungen ({byLeistung.length})
          </h2>
          <SortableTable
            caption="Diese Regeln gehen der Regel des LeiKa-Typs vor"
            columns={mayEdit ? [...LEISTUNG_COLUMNS, editLeistung] : LEISTUNG_COLUMNS}
            rows={byLeistung}
            rowKey={(rule) => rule.ozgId ?? ""}
            striped={false}
          />
          <p className="kern-body kern-body--small">
            Eine eigene Regel für eine weitere OZG-Leistung legen Administratoren auf deren Seite im
            OZG-Katalog fest (auch über die Schnittstelle: PUT/DELETE
            /api/ozg/responsibility-rules/leistung/&lt;OZG-ID&gt;).
          </p>
        </section>
      ) : null}
      {editing ? <RuleEditDialog rule={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
