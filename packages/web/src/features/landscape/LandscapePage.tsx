import { useEffect, useMemo, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { useBoundaries, useDomains, useLandscape } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { SelectField } from "../../ui/Field.tsx";
import { formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { COLOUR_BY_LABEL, colourLandscape, type ColourBy } from "./colouring.ts";
import { ExportLinks } from "../import/ExportLinks.tsx";
import { LandscapeTable } from "./LandscapeTable.tsx";
import { defaultMapLevel, type MapLevel } from "./mapLevel.ts";
import { SourcingPanel } from "./SourcingPanel.tsx";

const GROUP_LABEL: Record<string, string> = {
  infrastruktur: "Infrastruktur",
  querschnitt: "Querschnittsverfahren",
  fachverfahren: "Fachverfahren",
  digitale_dienste: "Digitale Dienste",
};

function today(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
}

/**
 * IT-Landkarte: pick a Leistungsbereich and a day, see who provides it where (choropleth by
 * provider, operating model, product or cost per inhabitant), with a table of the same data.
 */
export function LandscapePage() {
  usePageTitle("IT-Landkarte");
  const [params, setParams] = useSearchParams();
  const domains = useDomains();
  const leaves = (domains.data?.items ?? []).filter((domain) => !domain.isGroup);
  const domainId = params.get("bereich") ?? "einwohnerwesen";
  const domain = leaves.find((candidate) => candidate.id === domainId);
  const colourBy = (params.get("farbe") ?? "provider") as ColourBy;
  const asOf = params.get("stichtag") ?? today();
  const level: MapLevel =
    params.get("ebene") === "kreis" || params.get("ebene") === "gemeinde"
      ? (params.get("ebene") as MapLevel)
      : defaultMapLevel(domain);
  const selectedKey = params.get("auswahl") ?? undefined;
  const landscape = useLandscape({ domain: domainId, asOf, pageSize: 5000 }, leaves.length > 0);
  const boundaries = useBoundaries(level);
  const panelRef = useRef<HTMLDivElement>(null);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const items = landscape.data?.items ?? [];
  const colouring = useMemo(
    () => colourLandscape(items, colourBy, level),
    [items, colourBy, level],
  );
  const drawn = new Set((boundaries.data?.features ?? []).map((feature) => feature.properties.key));
  // On the Kreis level a Gemeinde is drawn as part of its Kreis (aggregated there).
  const notDrawn = items.filter(
    (item) =>
      !drawn.has(item.organisation.ags) &&
      !(level === "kreis" && colouring.categoryOf(item.organisation.ags.slice(0, 5)) !== undefined),
  ).length;
  const selected = selectedKey
    ? items.find((item) => item.organisation.ags === selectedKey)
    : undefined;
  const selectedName =
    selected?.organisation.name ??
    boundaries.data?.features.find((feature) => feature.properties.key === selectedKey)?.properties
      .name ??
    selectedKey ??
    "";
  const anyDemo = items.some((item) => item.demo);

  useEffect(() => {
    if (selectedKey) panelRef.current?.querySelector("h2")?.focus();
  }, [selectedKey]);

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        IT-Landkarte
      </h1>
      <p className="kern-body">
        Wer erbringt welchen Leistungsbereich für welche Kommune – mit welchem Produkt und zu
        welchen Kosten – zu einem Stichtag.{" "}
        <Link className="kern-link" to="/landkarte/vergleich">
          Zwei Stichtage vergleichen
        </Link>
      </p>
      <form
        className="atlas-filters"
        aria-label="Darstellung der Landkarte"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="landscape-domain">
            Leistungsbereich
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="landscape-domain"
              className="kern-form-input__select"
              value={domainId}
              onChange={(event) =>
                update({ bereich: event.target.value, ebene: undefined, auswahl: undefined })
              }
            >
              {Object.entries(GROUP_LABEL).map(([category, label]) => (
                <optgroup key={category} label={label}>
                  {leaves
                    .filter((leaf) => leaf.category === category)
                    .map((leaf) => (
                      <option key={leaf.id} value={leaf.id}>
                        {leaf.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <SelectField
          label="Einfärben nach"
          allLabel="IT-Dienstleister"
          value={colourBy === "provider" ? "" : colourBy}
          onChange={(value) => update({ farbe: value || undefined })}
        >
          {(["operatingModel", "product", "costPerInhabitant"] as const).map((value) => (
            <option key={value} value={value}>
              {COLOUR_BY_LABEL[value]}
            </option>
          ))}
        </SelectField>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="landscape-asof">
            Stichtag
          </label>
          <input
            id="landscape-asof"
            className="kern-form-input__input"
            type="date"
            value={asOf}
            min="2016-01-01"
            onChange={(event) => update({ stichtag: event.target.value || undefined })}
          />
        </div>
        <SelectField
          label="Kartenebene"
          allLabel="Gemeinden"
          value={level === "kreis" ? "kreis" : ""}
          onChange={(value) => update({ ebene: value || "gemeinde" })}
        >
          <option value="kreis">Kreise und kreisfreie Städte</option>
        </SelectField>
      </form>

      {anyDemo ? (
        <div className="kern-alert kern-alert--warning atlas-demo-banner" role="note">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">Demodaten (synthetisch)</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              Kosten, Mengen, Produkte und die Zuordnung zu Leistungsbereichen sind nicht
              öffentlich. Sie sind hier synthetisch erzeugt (deterministisch, aus Einwohnerzahl,
              Gemeindetyp und den belegten Mitgliedschaften) und keine Tatsachen. Fusionen der
              Dienstleister folgen den belegten Ereignissen.
            </p>
          </div>
        </div>
      ) : null}

      {domains.isError ? <ErrorState error={domains.error} /> : null}
      {landscape.isError ? (
        <ErrorState error={landscape.error} onRetry={() => void landscape.refetch()} />
      ) : null}
      {landscape.isPending || boundaries.isPending ? (
        <LoadingState label="Landkarte wird geladen …" />
      ) : null}
      {landscape.data && landscape.data.total === 0 ? (
        <EmptyState>
          Für diesen Leistungsbereich ist zum {formatIsoDate(asOf)} kein Bezug erfasst.
        </EmptyState>
      ) : null}
      {landscape.data && boundaries.data && landscape.data.total > 0 ? (
        <div className="atlas-landscape">
          <section aria-labelledby="karte-titel">
            <h2 id="karte-titel" className="kern-heading-medium">
              {domain?.name ?? domainId} am {formatIsoDate(asOf)}
            </h2>
            <NrwMap
              boundaries={boundaries.data}
              title={`${domain?.name ?? domainId}: ${COLOUR_BY_LABEL[colourBy]} je Kommune am ${formatIsoDate(asOf)}`}
              summary={`${items.length} zuständige Kommunen mit Angaben${notDrawn > 0 ? `, davon ${notDrawn} nicht auf dieser Kartenebene (siehe Tabelle)` : ""}.${level === "kreis" ? " Ein Kreis ohne eigene Angabe zeigt seine Gemeinden zusammengefasst: die Farbe des häufigsten Werts, in Worten alle Werte mit ihrer Zahl." : ""}`}
              fill={colouring.colourOf}
              legend={colouring.legend}
              describe={(key, name) => `${name}: ${colouring.categoryOf(key) ?? "keine Angabe"}`}
              selected={selectedKey}
              onSelect={(key) => update({ auswahl: key })}
            />
          </section>
          <div ref={panelRef}>
            {selectedKey ? (
              <SourcingPanel
                item={selected}
                name={selectedName}
                ags={selectedKey}
                domainName={domain?.name ?? domainId}
                onClose={() => update({ auswahl: undefined })}
              />
            ) : (
              <div className="atlas-panel">
                <h2 className="kern-heading-small">Details</h2>
                <p className="kern-body">
                  Eine Kommune auf der Karte oder in der Tabelle wählen, um Betriebsmodell,
                  Dienstleister, Produkt und Kosten zu sehen.
                </p>
              </div>
            )}
          </div>
        </div>
      ) : null}
      {landscape.data && landscape.data.total > 0 ? (
        <section aria-labelledby="tabelle-titel">
          <h2 id="tabelle-titel" className="kern-heading-medium">
            Tabelle
          </h2>
          <ExportLinks asOf={asOf} query={{ domain: domainId }} />
          <LandscapeTable
            items={items}
            caption={`${domain?.name ?? domainId}: Bezug je Kommune am ${formatIsoDate(asOf)}`}
            fileName={`landkarte-${domainId}-${asOf}.csv`}
            onSelect={(ags) => update({ auswahl: ags })}
          />
        </section>
      ) : null}
    </>
  );
}
