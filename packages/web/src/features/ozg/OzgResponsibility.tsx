import { can, ruleKeyOf, type LeikaType } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useResponsibilityRules } from "../ozg-readiness/ozgReadinessQueries.ts";
import { kommuneTypeLabel } from "../ozg-readiness/readinessColouring.ts";
import { RuleEditDialog } from "../ozg-readiness/RuleEditDialog.tsx";

/**
 * Which Kommune types must offer this OZG-Leistung: its own rule if it has one, otherwise the
 * rules of its LeiKa-Typen. Administrators set, change or remove the Leistung's own rule here.
 */
export function OzgResponsibility({
  ozgId,
  name,
  leikaTypes,
}: {
  ozgId: number;
  name: string;
  leikaTypes: string[];
}) {
  const rules = useResponsibilityRules();
  const { principal } = usePrincipal();
  const mayEdit = can(principal, "ozg:configure");
  const [editing, setEditing] = useState(false);
  if (rules.isPending) return <LoadingState />;
  if (rules.isError) return <ErrorState error={rules.error} />;
  const own = rules.data.items.find((rule) => rule.scope === "leistung" && rule.ozgId === ozgId);
  const keys = new Set(leikaTypes.map((type) => ruleKeyOf(type as LeikaType)));
  const byType = rules.data.items.filter(
    (rule) => rule.scope === "leika_typ" && rule.leikaType !== null && keys.has(rule.leikaType),
  );
  const inherited = [...new Set(byType.flatMap((rule) => rule.responsibleTypes))];
  const draft: Schemas["ResponsibilityRule"] = own ?? {
    scope: "leistung",
    leikaType: null,
    ozgId,
    ozgName: name,
    responsibleTypes: inherited,
    basis: "",
    updatedAt: null,
    updatedBy: null,
  };
  return (
    <section aria-labelledby="zustaendigkeit-titel">
      <h2 id="zustaendigkeit-titel" className="kern-heading-medium">
        Zuständigkeit
      </h2>
      {own ? (
        <p className="kern-body">
          <strong>Eigene Regel dieser Leistung:</strong>{" "}
          {own.responsibleTypes.map(kommuneTypeLabel).join(", ") || "keine Kommune zuständig"}.{" "}
          {own.basis}
        </p>
      ) : (
        <p className="kern-body">
          Es gilt die Regel {byType.length === 1 ? "des LeiKa-Typs" : "der LeiKa-Typen"}{" "}
          {byType.map((rule) => rule.leikaType).join(", ") || "–"}:{" "}
          {inherited.map(kommuneTypeLabel).join(", ") || "keine Kommune zuständig"}.
        </p>
      )}
      <p className="kern-body kern-body--small">
        <Link className="kern-link" to="/ozg-umsetzung/regeln">
          Wie die Zuständigkeit abgeleitet wird
        </Link>
      </p>
      {mayEdit ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => setEditing(true)}
        >
          <span className="kern-label">
            {own ? "Eigene Regel ändern" : "Eigene Regel festlegen"}
          </span>
        </button>
      ) : null}
      {editing ? (
        <RuleEditDialog rule={draft} existing={!!own} onClose={() => setEditing(false)} />
      ) : null}
    </section>
  );
}
