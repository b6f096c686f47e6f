import { operatingModelLabel } from "@it-atlas/domain";
import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { formatEuro } from "./formatEuro.ts";
import { formatVolume } from "./formatVolume.ts";

type Sourcing = Schemas["Sourcing"];

/** What a matrix row needs to know about its Leistungsbereich. */
export type MatrixDomain = Pick<Schemas["ServiceDomain"], "id" | "name" | "volumeUnit">;

function Cell({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <td className={`kern-table__cell${numeric ? " kern-table__cell--numeric" : ""}`}>{children}</td>
  );
}

// "Rechenzentrum/Hosting" may wrap after the slash in the narrow first column.
function breakAfterSlash(name: string): ReactNode {
  return name.split("/").map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? (
        <>
          /<wbr />
        </>
      ) : null}
      {part}
    </Fragment>
  ));
}

/**
 * One Leistungsbereich of the matrix: its Bezug on the Stichtag, or "keine Angabe". The edit
 * button appears only for people who may edit this Kommune (`onEdit` given).
 */
export function SourcingRow({
  domain,
  sourcing,
  onEdit,
  onHistory,
}: {
  domain: MatrixDomain;
  sourcing: Sourcing | null;
  onEdit?: (current: Sourcing | null) => void;
  onHistory: () => void;
}) {
  return (
    <tr className="kern-table__row">
      <th scope="row" className="kern-table__cell">
        <Link className="kern-link" to={`/leistungsbereiche/${domain.id}`}>
          {breakAfterSlash(domain.name)}
        </Link>
        {sourcing?.demo ? (
          <div>
            <DemoBadge small />
          </div>
        ) : null}
      </th>
      {sourcing ? (
        <>
          <Cell>{operatingModelLabel[sourcing.operatingModel]}</Cell>
          <Cell>
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
          </Cell>
          <Cell>
            {/* The vendor is in the edit form and the history; the matrix has ten columns already. */}
            {sourcing.product ? sourcing.product.name : "–"}
          </Cell>
          {sourcing.confidentialHidden ? (
            // Costs, volume, contract and satisfaction are withheld from this viewer.
            <td className="kern-table__cell atlas-muted" colSpan={4}>
              vertraulich – nur für Berechtigte sichtbar
            </td>
          ) : (
            <>
              <Cell numeric>
                {formatEuro(sourcing.annualCost)}
                {sourcing.annualCost !== null ? (
                  <div className="kern-body--small atlas-muted">
                    <span className="atlas-cost-detail">
                      laufend {formatEuro(sourcing.runningCost)}
                    </span>
                    <br />
                    <span className="atlas-cost-detail">
                      Investition {formatEuro(sourcing.investmentCost)}
                    </span>
                  </div>
                ) : null}
              </Cell>
              <Cell numeric>{formatVolume(sourcing.volume, sourcing.volumeUnit)}</Cell>
              <Cell>{formatIsoDate(sourcing.contractEnd)}</Cell>
              <Cell>{sourcing.satisfaction !== null ? `${sourcing.satisfaction} von 5` : "–"}</Cell>
            </>
          )}
          <Cell>{formatIsoDate(sourcing.validFrom)}</Cell>
        </>
      ) : (
        <td className="kern-table__cell atlas-muted" colSpan={8}>
          keine Angabe
        </td>
      )}
      <td className="kern-table__cell kern-table__cell--action">
        <div className="atlas-row-actions">
          {/* One button for both labels, so focus can return to it after saving. */}
          {onEdit ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary atlas-compact-btn"
              onClick={() => onEdit(sourcing)}
            >
              <span className="kern-label">{sourcing ? "Bearbeiten" : "Erfassen"}</span>{" "}
              <span className="atlas-visually-hidden">({domain.name})</span>
            </button>
          ) : null}
          <button
            type="button"
            className="kern-btn kern-btn--tertiary atlas-compact-btn"
            onClick={onHistory}
          >
            <span className="kern-label">Verlauf</span>{" "}
            <span className="atlas-visually-hidden">({domain.name})</span>
          </button>
        </div>
      </td>
    </tr>
  );
}
