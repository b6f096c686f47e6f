import { reorganisationKindLabel } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { STATUS_LABEL } from "../providers/providerLabels.ts";

type Plan = Schemas["ReorganisationPlan"];
type Move = Plan["moves"][number];

const PAGE_SIZE = 50;

const ACTION_LABEL: Record<Move["action"], string> = {
  split: "wird zum Stichtag beendet und fortgeführt",
  update: "wird umgestellt",
};

const MOVE_KIND_LABEL: Record<Move["kind"], string> = {
  sourcing: "Bezug",
  offer: "Angebot",
};

function count(moves: readonly Move[], predicate: (move: Move) => boolean): string {
  return formatInteger(moves.filter(predicate).length);
}

/** What a reorganisation moves: counts, provider status changes and every moved relation. */
export function ReorganisationPlanView({ plan }: { plan: Plan }) {
  const [page, setPage] = useState(1);
  const moves = plan.moves.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <dl className="kern-description-list">
        {[
          ["Art", reorganisationKindLabel[plan.kind]],
          ["Wirksam ab", formatIsoDate(plan.effectiveDate)],
          ["Abgebend", plan.sources.map((source) => source.shortName).join(", ")],
          [
            "Aufnehmend",
            `${plan.target.shortName}${plan.createsProvider ? " (wird neu angelegt)" : ""}`,
          ],
          [
            "Bezüge von Kommunen",
            `${count(plan.moves, (move) => move.kind === "sourcing")} (davon ${count(plan.moves, (move) => move.kind === "sourcing" && move.action === "split")} beendet und fortgeführt)`,
          ],
          ["Angebote", count(plan.moves, (move) => move.kind === "offer")],
        ].map(([label, value]) => (
          <div key={label} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{label}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>

      <h3 className="kern-heading-small">Statusänderungen der Dienstleister</h3>
      {plan.providerChanges.length === 0 ? (
        <p className="kern-body">Kein Dienstleister ändert seinen Status.</p>
      ) : (
        <ul className="kern-list">
          {plan.providerChanges.map((change) => (
            <li key={change.provider.id}>
              <Link className="kern-link" to={`/dienstleister/${change.provider.id}`}>
                {change.provider.shortName}
              </Link>
              : {STATUS_LABEL[change.provider.status]} → {STATUS_LABEL[change.status]}, Nachfolger{" "}
              {change.successorId === plan.target.id ? plan.target.shortName : change.successorId}
            </li>
          ))}
        </ul>
      )}

      <h3 className="kern-heading-small">Verschobene Beziehungen</h3>
      {plan.moves.length === 0 ? (
        <p className="kern-body">
          Zum Stichtag gibt es keine Bezüge oder Angebote, die verschoben werden müssten.
        </p>
      ) : (
        <>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption className="atlas-visually-hidden">
                Verschobene Beziehungen, {plan.moves.length} Einträge
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {["Art", "Kommune", "Leistungsbereich", "Bisher", "Gültig ab", "Aktion"].map(
                    (header) => (
                      <th key={header} scope="col" className="kern-table__header">
                        {header}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {moves.map((move) => (
                  <tr key={`${move.kind}-${move.id}`} className="kern-table__row">
                    <td className="kern-table__cell">{MOVE_KIND_LABEL[move.kind]}</td>
                    <td className="kern-table__cell">
                      {move.organisation ? (
                        <Link className="kern-link" to={`/kommunen/${move.organisation.ags}`}>
                          {move.organisation.name}
                        </Link>
                      ) : (
                        "– (Angebot)"
                      )}
                    </td>
                    <td className="kern-table__cell">{move.domain.name}</td>
                    <td className="kern-table__cell">{move.fromProvider.shortName}</td>
                    <td className="kern-table__cell">{formatIsoDate(move.validFrom)}</td>
                    <td className="kern-table__cell">{ACTION_LABEL[move.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.moves.length > PAGE_SIZE ? (
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={plan.moves.length}
              onPage={setPage}
              label="Seiten der verschobenen Beziehungen"
            />
          ) : null}
        </>
      )}
    </>
  );
}
