import { serviceDomainCategoryLabel } from "@it-atlas/domain";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { volumeUnitName } from "../sourcing/formatVolume.ts";
import { useDomainCatalogue } from "../sourcing/sourcingQueries.ts";
import { describeResponsibility } from "./describeResponsibility.ts";
import "./domains.css";

type ServiceDomain = Schemas["ServiceDomain"];

const EXPORT_COLUMNS = [
  { header: "Kennung", value: (row: ServiceDomain) => row.id },
  { header: "Leistungsbereich", value: (row: ServiceDomain) => row.name },
  { header: "Gruppe", value: (row: ServiceDomain) => row.parentId },
  { header: "Mengeneinheit", value: (row: ServiceDomain) => volumeUnitName(row.volumeUnit) },
  {
    header: "Zuständig für",
    value: (row: ServiceDomain) => describeResponsibility(row.responsibleTypes),
  },
  { header: "OZG-Leistungen", value: (row: ServiceDomain) => row.ozgIds.length },
  { header: "Beschreibung", value: (row: ServiceDomain) => row.description },
];

function GroupTable({
  group,
  domains,
}: {
  group: Pick<ServiceDomain, "id" | "name" | "description">;
  domains: ServiceDomain[];
}) {
  return (
    <section aria-labelledby={`gruppe-${group.id}`}>
      <h2 id={`gruppe-${group.id}`} className="kern-heading-medium">
        {group.name}
      </h2>
      {group.description ? <p className="kern-body">{group.description}</p> : null}
      <div className="kern-table-responsive">
        <table className="kern-table kern-table--small atlas-domain-table">
          <caption className="atlas-visually-hidden">
            Leistungsbereiche der Gruppe {group.name}, {domains.length} Einträge
          </caption>
          {/* Same column widths in every group, so the four tables read as one catalogue. */}
          <colgroup>
            <col className="atlas-domain-table__name" />
            <col className="atlas-domain-table__unit" />
            <col className="atlas-domain-table__responsible" />
            <col className="atlas-domain-table__ozg" />
          </colgroup>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Leistungsbereich
              </th>
              <th scope="col" className="kern-table__header">
                Mengeneinheit
              </th>
              <th scope="col" className="kern-table__header">
                Zuständig für
              </th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">
                OZG-Leistungen
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {domains.map((domain) => (
              <tr key={domain.id} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link className="kern-link" to={`/leistungsbereiche/${domain.id}`}>
                    {domain.name}
                  </Link>
                  {domain.description ? (
                    <div className="kern-body--small atlas-muted">{domain.description}</div>
                  ) : null}
                </th>
                <td className="kern-table__cell">{volumeUnitName(domain.volumeUnit) || "–"}</td>
                <td className="kern-table__cell">
                  {describeResponsibility(domain.responsibleTypes)}
                </td>
                <td className="kern-table__cell kern-table__cell--numeric">
                  {formatInteger(domain.ozgIds.length)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The catalogue of Leistungsbereiche in its four groups, with unit, responsibility and OZG links. */
export function DomainListPage() {
  usePageTitle("Leistungsbereiche");
  const catalogue = useDomainCatalogue();
  const items = [...(catalogue.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const groups = items.filter((domain) => domain.isGroup);
  const orphans = items.filter(
    (domain) => !domain.isGroup && !groups.some((group) => group.id === domain.parentId),
  );

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Leistungsbereiche
      </h1>
      <p className="kern-body">
        Der Katalog gliedert die kommunale IT in {groups.length || "vier"} Gruppen (
        {Object.values(serviceDomainCategoryLabel).join(", ")}). Je Leistungsbereich stehen die
        Mengeneinheit, nach der Kosten verglichen werden, und welche Kommunen dafür zuständig sind.
      </p>
      {catalogue.isPending ? <LoadingState /> : null}
      {catalogue.isError ? (
        <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      {catalogue.data && items.length > 0 ? (
        <TableExport
          fileStem="leistungsbereiche"
          sheetName="Leistungsbereiche"
          label="Katalog"
          columns={EXPORT_COLUMNS}
          rows={items.filter((domain) => !domain.isGroup)}
        />
      ) : null}
      {catalogue.data && items.length === 0 ? (
        <EmptyState>Der Katalog der Leistungsbereiche ist leer.</EmptyState>
      ) : null}
      {groups.map((group) => (
        <GroupTable
          key={group.id}
          group={group}
          domains={items.filter((domain) => !domain.isGroup && domain.parentId === group.id)}
        />
      ))}
      {orphans.length > 0 ? (
        <GroupTable
          group={{ id: "weitere", name: "Weitere Leistungsbereiche", description: null }}
          domains={orphans}
        />
      ) : null}
    </>
  );
}
