import { can, ResponsibleType } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useResponsibilityRules } from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import { kommuneTypeLabel } from "./readinessColouring.ts";
import { RuleEditDialog } from "./RuleEditDialog.tsx";
import "./ozgReadiness.css";

/**
 * The documented responsibility rule: which Kommune types must offer an OZG-Leistung, by
 * LeiKa-Typ and, more specific, per OZG-Leistung — with reasons; administrators edit it.
 */
export function ResponsibilityRulesPage() {
  usePageTitle("Zuständigkeitsregel");
  const rules = useResponsibilityRules();
  const { principal } = usePrincipal();
  const [editing, setEditing] = useState<Schemas["ResponsibilityRule"] | null>(null);
  const mayEdit = can(principal, "ozg:configure");
  const byType = (rules.data?.items ?? []).filter((rule) => rule.scope === "leika_typ");
  const byLeistung = (rules.data?.items ?? []).filter((rule) => rule.scope === "leistung");
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
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption className="kern-body kern-body--bold atlas-table-caption">
                Zuständige Kommunentypen je LeiKa-Typ
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    LeiKa-Typ
                  </th>
                  {ResponsibleType.options.map((type) => (
                    <th key={type} scope="col" className="kern-table__header">
                      {kommuneTypeLabel(type)}
                    </th>
                  ))}
                  <th scope="col" className="kern-table__header">
                    Begründung
                  </th>
                  {mayEdit ? (
                    <th scope="col" className="kern-table__header">
                      <span className="atlas-visually-hidden">Aktion</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {byType.map((rule) => (
                  <tr key={rule.leikaType} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      {rule.leikaType}
                    </th>
                    {ResponsibleType.options.map((type) => (
                      <td key={type} className="kern-table__cell">
                        {rule.responsibleTypes.includes(type) ? "ja" : "nein"}
                      </td>
                    ))}
                    <td className="kern-table__cell">
                      {rule.basis}
                      {rule.updatedBy && rule.updatedBy !== "system" ? (
                        <span className="atlas-muted">
                          {" "}
                          (geändert von {rule.updatedBy} am{" "}
                          {formatIsoDate(rule.updatedAt?.slice(0, 10))})
                        </span>
                      ) : null}
                    </td>
                    {mayEdit ? (
                      <td className="kern-table__cell">
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary"
                          aria-label={`Ändern: LeiKa-Typ ${rule.leikaType ?? ""}`}
                          onClick={() => setEditing(rule)}
                        >
                          <span className="kern-label">Ändern</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {byLeistung.length > 0 ? (
        <section aria-labelledby="regel-leistung-titel">
          <h2 id="regel-leistung-titel" className="kern-heading-medium">
            Regeln einzelner OZG-Leistungen ({byLeistung.length})
          </h2>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped kern-table--small">
              <caption className="kern-body kern-body--bold atlas-table-caption">
                Diese Regeln gehen der Regel des LeiKa-Typs vor
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {["OZG-Leistung", "Zuständige Kommunentypen", "Begründung"].map((label) => (
                    <th key={label} scope="col" className="kern-table__header">
                      {label}
                    </th>
                  ))}
                  {mayEdit ? (
                    <th scope="col" className="kern-table__header">
                      <span className="atlas-visually-hidden">Aktion</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {byLeistung.map((rule) => (
                  <tr key={rule.ozgId} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      <Link className="kern-link" to={`/ozg/${rule.ozgId}`}>
                        {rule.ozgName ?? rule.ozgId}
                      </Link>
                    </th>
                    <td className="kern-table__cell">
                      {rule.responsibleTypes.map(kommuneTypeLabel).join(", ") || "keine"}
                    </td>
                    <td className="kern-table__cell">{rule.basis}</td>
                    {mayEdit ? (
                      <td className="kern-table__cell">
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary"
                          aria-label={`Ändern: ${rule.ozgName ?? rule.ozgId ?? ""}`}
                          onClick={() => setEditing(rule)}
                        >
                          <span className="kern-label">Ändern</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
