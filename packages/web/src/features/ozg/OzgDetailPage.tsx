import { Link, useParams } from "react-router";
import { useOzgLeistung } from "../../api/hooks.ts";
import { EmptyState, failureHeading, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { AdoptionHistory } from "./AdoptionHistory.tsx";
import { LEIKA_TYPE_LABEL } from "./leikaLabels.ts";
import { OzgResponsibility } from "./OzgResponsibility.tsx";

/** One OZG-Leistung with its LeiKa-Leistungen and who regulates/executes them. */
export function OzgDetailPage() {
  const { id = "" } = useParams();
  const numericId = Number(id);
  const leistung = useOzgLeistung(Number.isInteger(numericId) && numericId > 0 ? numericId : -1);
  usePageTitle(
    leistung.data?.name ??
      (leistung.isError ? failureHeading(leistung.error, "OZG-Leistung") : "OZG-Leistung"),
  );
  const { principal } = usePrincipal();

  if (leistung.isPending) return <LoadingState />;
  if (leistung.isError) {
    return (
      <LoadFailure
        error={leistung.error}
        what="OZG-Leistung"
        back={{ to: "/ozg", label: "Zum OZG-Katalog" }}
        onRetry={() => void leistung.refetch()}
      />
    );
  }
  const data = leistung.data;
  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/ozg">
          OZG-Katalog
        </Link>{" "}
        › {data.themenfeld.name} › {data.lebenslage.name}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {data.name}
      </h1>
      <dl className="kern-description-list">
        {[
          ["OZG-ID", String(data.id)],
          ["Themenfeld", data.themenfeld.name],
          ["Lebenslage", data.lebenslage.name],
          [
            "LeiKa-Typen",
            data.leikaTypes.map((type) => LEIKA_TYPE_LABEL[type] ?? type).join("; ") || "–",
          ],
          ["SDG-relevante LeiKa-Leistungen", String(data.sdgRelevantCount)],
        ].map(([label, value]) => (
          <div key={label} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{label}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      {principal.kind === "user" ? (
        <OzgResponsibility ozgId={data.id} name={data.name} leikaTypes={data.leikaTypes} />
      ) : null}
      <h2 className="kern-heading-medium">LeiKa-Leistungen ({data.leistungen.length})</h2>
      {data.leistungen.length === 0 ? (
        <EmptyState>Dieser OZG-Leistung sind keine LeiKa-Leistungen zugeordnet.</EmptyState>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="atlas-visually-hidden">LeiKa-Leistungen von {data.name}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  Leistung
                </th>
                <th scope="col" className="kern-table__header">
                  LeiKa-Schlüssel
                </th>
                <th scope="col" className="kern-table__header">
                  LeiKa-Typ
                </th>
                <th scope="col" className="kern-table__header">
                  Rechtsgrundlagen
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {data.leistungen.map((item) => (
                <tr key={item.id} className="kern-table__row">
                  <td className="kern-table__cell">{item.name}</td>
                  <td className="kern-table__cell">{item.leikaKey ?? "nicht im LeiKa"}</td>
                  <td className="kern-table__cell">
                    {item.leikaTypes.map((type) => LEIKA_TYPE_LABEL[type] ?? type).join("; ") ||
                      "–"}
                  </td>
                  <td className="kern-table__cell">{item.lawShortcuts ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {principal.kind === "user" ? <AdoptionHistory ozgId={data.id} name={data.name} /> : null}
      <p className="kern-body kern-body--small">
        Quelle: KDN – OZG-Datenbank NRW (github.com/kdn-nrw/OZG-Datenbank-NRW, MIT), Stand Herbst
        2019. Bedeutung der LeiKa-Typen: digital-direkt.nrw, FAQ „LeiKa-Typ“.
      </p>
    </>
  );
}
