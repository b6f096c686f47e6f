import { derivationText } from "@it-atlas/domain";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";

type Membership = Schemas["Membership"];

const RELATION_LABEL: Record<Membership["relation"], string> = {
  verbandsmitglied: "Verbandsmitglied",
  traeger: "Träger",
  oerv_partner: "Partner (öffentlich-rechtliche Vereinbarung)",
  kunde: "Kunde",
  kunde_vollumfaenglich: "Kunde (vollumfänglich)",
  gruendungsmitglied: "Gründungsmitglied",
  gesellschafter_beschluss: "Gesellschafter (Beschluss)",
  verbandsmitglied_beitritt_vorgeschlagen: "Beitritt als Verbandsmitglied vorgeschlagen",
  eigene_it: "eigene IT-Abteilung",
};

/**
 * Memberships as a table: from a Kommune's view (`show="provider"`) or a provider's
 * (`show="organisation"`), each with its evidence and source.
 */
export function MembershipTable({
  memberships,
  show,
  caption,
}: {
  memberships: Membership[];
  show: "provider" | "organisation";
  caption: string;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="atlas-visually-hidden">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {show === "provider" ? "IT-Dienstleister (laut Quelle)" : "Kommune"}
            </th>
            {show === "provider" ? (
              <th scope="col" className="kern-table__header">
                Heute
              </th>
            ) : null}
            <th scope="col" className="kern-table__header">
              Beziehung
            </th>
            <th scope="col" className="kern-table__header">
              Beleg
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {memberships.map((membership) => (
            <tr key={membership.id} className="kern-table__row">
              <td className="kern-table__cell">
                {show === "provider" ? (
                  <Link className="kern-link" to={`/dienstleister/${membership.provider.id}`}>
                    {membership.provider.shortName}
                  </Link>
                ) : (
                  <Link className="kern-link" to={`/kommunen/${membership.organisation.key}`}>
                    {membership.organisation.name}
                  </Link>
                )}
              </td>
              {show === "provider" ? (
                <td className="kern-table__cell">
                  {membership.currentProvider.id === membership.provider.id ? (
                    "unverändert"
                  ) : (
                    <>
                      aufgegangen in{" "}
                      <Link
                        className="kern-link"
                        to={`/dienstleister/${membership.currentProvider.id}`}
                      >
                        {membership.currentProvider.shortName}
                      </Link>
                    </>
                  )}
                </td>
              ) : null}
              <td className="kern-table__cell">
                {RELATION_LABEL[membership.relation]}
                {derivationText(membership.derivation) === null ? null : (
                  <span className="kern-body--small atlas-muted">
                    {" "}
                    ({derivationText(membership.derivation)})
                  </span>
                )}
              </td>
              <td className="kern-table__cell">
                {membership.provenance.evidence ? (
                  <span className="kern-body--small">{membership.provenance.evidence} </span>
                ) : null}
                <SourceNote provenance={membership.provenance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
