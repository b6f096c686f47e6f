import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useBoundaries, useDomains, useLandscapeDiff, useRegions } from "../../api/hooks.ts";
import { CATEGORY_COLORS, NEUTRAL_FILL } from "../../map/palette.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { SelectField } from "../../ui/Field.tsx";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { OPERATING_MODEL_LABEL } from "./colouring.ts";

type Change = Schemas["LandscapeChange"];
type Sourcing = Schemas["Sourcing"];

const KIND_LABEL: Record<Change["kind"], string> = {
  added: "neu",
  removed: "entfallen",
  changed: "geändert",
};
const FIELD_LABEL: Record<Change["fields"][number], string> = {
  operatingModel: "Betriebsmodell",
  provider: "Dienstleister",
  partner: "Partnerkommune",
  product: "Produkt",
  runningCost: "laufende Kosten",
  investmentCost: "Investition",
  volume: "Menge",
  contractEnd: "Vertragsende",
  satisfaction: "Zufriedenheit",
};
const PAGE_SIZE = 50;
const euro = new Intl.NumberFormat("de-DE", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

function who(sourcing: Sourcing | null): string {
  if (!sourcing) return "–";
  const provider =
    sourcing.provider?.shortName ??
    sourcing.partner?.name ??
    OPERATING_MODEL_LABEL[sourcing.operatingModel];
  return `${provider}${sourcing.product ? `, ${sourcing.product.name}` : ""}${sourcing.annualCost === null ? "" : `, ${euro.format(sourcing.annualCost)}`}`;
}

function today(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
}

const CSV_COLUMNS = [
  { header: "Schlüssel", value: (row: Change) => row.organisation.ags },
  { header: "Kommune", value: (row: Change) => row.organisation.name },
  { header: "Leistungsbereich", value: (row: Change) => row.domain.name },
  { header: "Art", value: (row: Change) => KIND_LABEL[row.kind] },
  {
    header: "Geänderte Felder",
    value: (row: Change) => row.fields.map((field) => FIELD_LABEL[field]).join(", "),
  },
  { header: "Vorher", value: (row: Change) => who(row.before) },
  { header: "Nachher", value: (row: Change) => who(row.after) },
  { header: "Demodaten", value: (row: Change) => Boolean(row.before?.demo || row.after?.demo) },
];

/** Compares the landscape on two days: what changed, where, with a map and an exportable list. */
export function LandscapeDiffPage() {
  usePageTitle("Landkarte: Stichtage vergleichen");
  const [params, setParams] = useSearchParams();
  const from = params.get("von") ?? "2017-12-31";
  const to = params.get("bis") ?? today();
  const domain = params.get("bereich") ?? "";
  const regierungsbezirk = params.get("regierungsbezirk") ?? "";
  const [page, setPage] = useState(1);
  const domains = useDomains();
  const regions = useRegions();
  const boundaries = useBoundaries("gemeinde");
  const diff = useLandscapeDiff({
    from,
    to,
    domain: domain || undefined,
    regierungsbezirk: regierungsbezirk || undefined,
  });
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    setPage(1);
  };
  const items = useMemo(() => diff.data?.items ?? [], [diff.data]);
  const perKommune = useMemo(() => {
    const counts = new Map<string, number>();
    for (const change of items)
      counts.set(change.organisation.ags, (counts.get(change.organisation.ags) ?? 0) + 1);
    return counts;
  }, [items]);
  const byKind = (kind: Change["kind"]) => items.filter((change) => change.kind === kind).length;
  const providerChanges = items.filter((change) => change.fields.includes("provider")).length;
  const classOf = (count: number) => (count >= 10 ? 2 : count >= 3 ? 1 : 0);
  const classColours = [CATEGORY_COLORS[4], CATEGORY_COLORS[0], CATEGORY_COLORS[5]];

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">
        <Link className="kern-link" to="/landkarte">
          IT-Landkarte
        </Link>{" "}
        › Vergleich
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Stichtage vergleichen
      </h1>
      <p className="kern-body">
        Was hat sich zwischen zwei Stichtagen geändert, und wo? Zum Beispiel zeigt der Vergleich
        31.12.2017 → heute die Fusion zur Südwestfalen-IT (01.01.2018) und zur Ostwestfalen-Lippe-IT
        (01.01.2024).
      </p>
      <form
        className="atlas-filters"
        aria-label="Vergleich einstellen"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="diff-from">
            Von (Stichtag)
          </label>
          <input
            id="diff-from"
            className="kern-form-input__input"
            type="date"
            value={from}
            onChange={(event) => update("von", event.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="diff-to">
            Bis (Stichtag)
          </label>
          <input
            id="diff-to"
            className="kern-form-input__input"
            type="date"
            value={to}
            onChange={(event) => update("bis", event.target.value)}
          />
        </div>
        <SelectField
          label="Leistungsbereich"
          allLabel="Alle Leistungsbereiche"
          value={domain}
          onChange={(value) => update("bereich", value)}
        >
          {(domains.data?.items ?? [])
            .filter((item) => !item.isGroup)
            .map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          label="Regierungsbezirk"
          allLabel="Ganz NRW"
          value={regierungsbezirk}
          onChange={(value) => update("regierungsbezirk", value)}
        >
          {(regions.data?.regierungsbezirke ?? []).map((item) => (
            <option key={item.key} value={item.key}>
              {item.name}
            </option>
          ))}
        </SelectField>
      </form>
      {diff.isPending ? <LoadingState label="Vergleich wird berechnet …" /> : null}
      {diff.isError ? <ErrorState error={diff.error} onRetry={() => void diff.refetch()} /> : null}
      {diff.data && items.length === 0 ? (
        <EmptyState>
          Zwischen {formatIsoDate(from)} und {formatIsoDate(to)} hat sich im gewählten Ausschnitt
          nichts geändert.
        </EmptyState>
      ) : null}
      {diff.data && items.length > 0 ? (
        <>
          <dl className="atlas-figures" aria-label="Zusammenfassung">
            {[
              ["Änderungen", items.length],
              ["davon Dienstleisterwechsel", providerChanges],
              ["neu erfasst", byKind("added")],
              ["entfallen", byKind("removed")],
              ["betroffene Kommunen", perKommune.size],
            ].map(([label, value]) => (
              <div key={label} className="atlas-figure">
                <dt className="kern-body">{label}</dt>
                <dd className="atlas-figure__value">{formatInteger(value as number)}</dd>
              </div>
            ))}
          </dl>
          {boundaries.data ? (
            <NrwMap
              boundaries={boundaries.data}
              title={`Änderungen zwischen ${formatIsoDate(from)} und ${formatIsoDate(to)} je Gemeinde`}
              summary={`${perKommune.size} Kommunen mit Änderungen. Die Liste unten nennt jede Änderung.`}
              fill={(key) => {
                const count = perKommune.get(key);
                return count === undefined
                  ? NEUTRAL_FILL
                  : (classColours[classOf(count)] ?? NEUTRAL_FILL);
              }}
              legend={[
                { color: classColours[0] ?? NEUTRAL_FILL, label: "1–2 Änderungen" },
                { color: classColours[1] ?? NEUTRAL_FILL, label: "3–9 Änderungen" },
                { color: classColours[2] ?? NEUTRAL_FILL, label: "10 und mehr" },
                { color: NEUTRAL_FILL, label: "keine Änderung" },
              ]}
            />
          ) : null}
          <div className="atlas-filters__actions">
            <TableExport
              fileStem={`landkarte-vergleich-${from}-${to}`}
              sheetName="Änderungen"
              label="Änderungen"
              columns={CSV_COLUMNS}
              rows={items}
            />
          </div>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-body kern-body--bold atlas-table-caption">
                Änderungen von {formatIsoDate(from)} bis {formatIsoDate(to)}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {["Kommune", "Leistungsbereich", "Art", "Geändert", "Vorher", "Nachher"].map(
                    (header) => (
                      <th key={header} scope="col" className="kern-table__header">
                        {header}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((change) => (
                  <tr
                    key={`${change.organisation.ags}-${change.domain.id}`}
                    className="kern-table__row"
                  >
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/kommunen/${change.organisation.ags}`}>
                        {change.organisation.name}
                      </Link>
                    </td>
                    <td className="kern-table__cell">{change.domain.name}</td>
                    <td className="kern-table__cell">{KIND_LABEL[change.kind]}</td>
                    <td className="kern-table__cell">
                      {change.fields.map((field) => FIELD_LABEL[field]).join(", ") || "–"}
                    </td>
                    <td className="kern-table__cell">{who(change.before)}</td>
                    <td className="kern-table__cell">{who(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={items.length} onPage={setPage} />
        </>
      ) : null}
    </>
  );
}
