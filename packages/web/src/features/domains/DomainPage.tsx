import { productLifecycleLabel } from "@it-atlas/domain";
import { Link, useParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useOzgLeistung } from "../../api/hooks.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, failureHeading, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { volumeUnitName } from "../sourcing/formatVolume.ts";
import { useDomainCatalogue } from "../sourcing/sourcingQueries.ts";
import { StichtagField } from "../sourcing/StichtagField.tsx";
import { useStichtag } from "../sourcing/useStichtag.ts";
import { RESPONSIBLE_TYPE_LABEL } from "./describeResponsibility.ts";
import { useDomainDetail } from "./domainQueries.ts";
import { DomainSummarySection } from "./DomainSummarySection.tsx";
import "./domains.css";

type Product = Schemas["Product"];

// Each link loads its OZG-Leistung's name; the id stands in while it loads or if it fails.
function OzgLink({ id }: { id: number }) {
  const leistung = useOzgLeistung(id);
  return (
    <Link className="kern-link" to={`/ozg/${id}`}>
      {leistung.data?.name ?? `OZG-Leistung ${id}`}
    </Link>
  );
}

function ProductTable({ products, name }: { products: Product[]; name: string }) {
  if (products.length === 0) {
    return <EmptyState>Für {name} sind keine Produkte im Katalog.</EmptyState>;
  }
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="atlas-visually-hidden">Produkte für {name}</caption>
        <thead>
          <tr className="kern-table__row">
            {["Produkt", "Hersteller", "Lebenszyklus", "Beschreibung", "Herkunft"].map((header) => (
              <th key={header} scope="col" className="kern-table__header">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {products.map((product) => (
            <tr key={product.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                {product.name}
              </th>
              <td className="kern-table__cell">{product.vendor}</td>
              <td className="kern-table__cell">{productLifecycleLabel[product.lifecycle]}</td>
              <td className="kern-table__cell">{product.description ?? "–"}</td>
              <td className="kern-table__cell">
                {product.provenance.quality === "demo" ? (
                  <DemoBadge />
                ) : (
                  <SourceNote provenance={product.provenance} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A Leistungsbereich: what it covers, who is responsible and why, OZG-Leistungen, products,
 * and how it is provided across NRW on a Stichtag.
 */
export function DomainPage() {
  const { id = "" } = useParams();
  const [asOf, setAsOf] = useStichtag();
  const detail = useDomainDetail(id, asOf);
  const catalogue = useDomainCatalogue();
  usePageTitle(
    detail.data?.name ??
      (detail.isError ? failureHeading(detail.error, "Leistungsbereich") : "Leistungsbereich"),
  );

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) {
    return (
      <LoadFailure
        error={detail.error}
        what="Leistungsbereich"
        back={{ to: "/leistungsbereiche", label: "Zum Katalog der Leistungsbereiche" }}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const data = detail.data;
  const group = catalogue.data?.items.find((domain) => domain.id === data.parentId);

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/leistungsbereiche">
          Leistungsbereiche
        </Link>
        {group ? ` › ${group.name}` : ""} › {data.name}
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {data.name}
      </h1>
      {data.description ? <p className="kern-body kern-body--large">{data.description}</p> : null}
      <div className="atlas-domain-actions">
        <Link className="kern-link" to={`/landkarte?bereich=${encodeURIComponent(data.id)}`}>
          Auf der Landkarte zeigen
        </Link>
        {data.volumeUnit ? (
          <span className="kern-body">Mengeneinheit: {volumeUnitName(data.volumeUnit)}</span>
        ) : null}
      </div>

      <div className="atlas-two-columns">
        <section aria-labelledby="zustaendigkeit">
          <h2 id="zustaendigkeit" className="kern-heading-medium">
            Zuständigkeit
          </h2>
          {data.responsibleTypes.length === 0 ? (
            <p className="kern-body">Keine Zuständigkeit hinterlegt.</p>
          ) : (
            <ul className="kern-list kern-list--bullet">
              {data.responsibleTypes.map((type) => (
                <li key={type}>{RESPONSIBLE_TYPE_LABEL[type]}</li>
              ))}
            </ul>
          )}
          <h3 className="kern-heading-small">Grundlage</h3>
          <p className="kern-body">{data.responsibilityBasis ?? "Keine Grundlage hinterlegt."}</p>
        </section>
        <section aria-labelledby="ozg">
          <h2 id="ozg" className="kern-heading-medium">
            OZG-Leistungen ({data.ozgIds.length})
          </h2>
          {data.ozgIds.length === 0 ? (
            <p className="kern-body">
              Diesem Leistungsbereich sind keine OZG-Leistungen zugeordnet.
            </p>
          ) : (
            <ul className="kern-list kern-list--bullet">
              {data.ozgIds.map((ozgId) => (
                <li key={ozgId}>
                  <OzgLink id={ozgId} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="produkte">
        <h2 id="produkte" className="kern-heading-medium">
          Produkte ({data.products.length})
        </h2>
        <ProductTable products={data.products} name={data.name} />
      </section>

      <section aria-labelledby="bezug">
        <h2 id="bezug" className="kern-heading-medium">
          Bezug in NRW zum Stichtag {formatIsoDate(data.asOf)}
        </h2>
        <div className="atlas-filters">
          <StichtagField value={asOf} onChange={setAsOf} />
        </div>
        {detail.isPlaceholderData ? <LoadingState label="Stichtag wird geladen …" /> : null}
        <DomainSummarySection
          name={data.name}
          summary={data.summary}
          asOf={data.asOf}
          volumeUnit={data.volumeUnit}
        />
      </section>
    </>
  );
}
