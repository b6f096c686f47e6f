import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useBoundaries, useStats } from "../../api/hooks.ts";
import { CATEGORY_COLORS, NEUTRAL_FILL } from "../../map/palette.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { formatInteger } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";

const REGIERUNGSBEZIRKE = [
  { key: "051", label: "Regierungsbezirk Düsseldorf" },
  { key: "053", label: "Regierungsbezirk Köln" },
  { key: "055", label: "Regierungsbezirk Münster" },
  { key: "057", label: "Regierungsbezirk Detmold" },
  { key: "059", label: "Regierungsbezirk Arnsberg" },
];
const COLOR_BY_REGBEZ = new Map(
  REGIERUNGSBEZIRKE.map((entry, index) => [entry.key, CATEGORY_COLORS[index] ?? NEUTRAL_FILL]),
);

/** Start page: key figures, search and the NRW map. */
export function StartPage() {
  usePageTitle(undefined);
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const stats = useStats();
  const gemeinden = useBoundaries("gemeinde");
  const kreise = useBoundaries("kreis");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/kommunen?q=${encodeURIComponent(query.trim())}`);
  };

  const regbezByKey = new Map(
    (gemeinden.data?.features ?? []).map((feature) => [
      feature.properties.key,
      feature.properties.regierungsbezirkKey ?? "",
    ]),
  );

  return (
    <>
      <h1 className="kern-heading-x-large" tabIndex={-1}>
        IT-Atlas NRW
      </h1>
      <p className="kern-body kern-body--large">
        Wer bezieht welche IT-Leistung von wem? Der IT-Atlas zeigt die kommunale IT-Landschaft
        Nordrhein-Westfalens – Kommunen, IT-Dienstleister, Mitgliedschaften, Fusionen und den
        OZG-Katalog – mit Quelle zu jeder Angabe.
      </p>

      <div className="atlas-search">
        <form onSubmit={submit} role="search" aria-label="Kommune suchen">
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="start-search">
              Kommune suchen
            </label>
            <div className="kern-hint" id="start-search-hint">
              Name, Amtlicher Gemeindeschlüssel (AGS) oder Regionalschlüssel, z. B. „Detmold“ oder
              „05766020“
            </div>
            <div className="atlas-search__row">
              <input
                id="start-search"
                className="kern-form-input__input"
                type="search"
                value={query}
                aria-describedby="start-search-hint"
                onChange={(event) => setQuery(event.target.value)}
              />
              <button type="submit" className="kern-btn kern-btn--primary">
                <span className="kern-label">Suchen</span>
              </button>
            </div>
          </div>
        </form>
      </div>

      <section aria-labelledby="kennzahlen">
        <h2 id="kennzahlen" className="kern-heading-medium">
          Kennzahlen
        </h2>
        {stats.isPending ? <LoadingState /> : null}
        {stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
        ) : null}
        {stats.data ? (
          <dl className="atlas-figures">
            {[
              ["Gemeinden", stats.data.gemeinden],
              ["Kreise (inkl. StädteRegion Aachen)", stats.data.kreise],
              ["Kreisfreie Städte", stats.data.kreisfreieStaedte],
              ["Regierungsbezirke", stats.data.regierungsbezirke],
              ["Kommunale IT-Dienstleister (aktiv)", stats.data.providersServingKommunen],
              ["IT der eigenen Verwaltung (Städte, Kreise)", stats.data.ownAdministrationIt],
              ["Vorgänger (fusioniert oder umbenannt)", stats.data.providerPredecessors],
              ["Landeseinrichtungen und Dachverband (KDN, IT.NRW, d-NRW)", stats.data.stateBodies],
              ["Belegte Mitgliedschaften", stats.data.memberships],
              ["Ereignisse (Gründungen, Fusionen …)", stats.data.events],
              ["OZG-Leistungen", stats.data.ozgLeistungen],
              ["LeiKa-Leistungen", stats.data.leikaLeistungen],
              ["Einwohner (Zensus 2022)", stats.data.populationZensus2022],
            ].map(([label, value]) => (
              <div key={label} className="atlas-figure">
                <dt className="kern-body">{label}</dt>
                <dd className="atlas-figure__value">{formatInteger(value as number)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>

      <section aria-labelledby="karte">
        <h2 id="karte" className="kern-heading-medium">
          Nordrhein-Westfalen
        </h2>
        {gemeinden.isPending || kreise.isPending ? (
          <LoadingState label="Karte wird geladen …" />
        ) : null}
        {gemeinden.isError ? (
          <ErrorState error={gemeinden.error} title="Karte nicht verfügbar" />
        ) : null}
        {gemeinden.data && kreise.data ? (
          <NrwMap
            boundaries={gemeinden.data}
            outline={kreise.data}
            title="Karte der 396 Gemeinden Nordrhein-Westfalens"
            summary="Gemeinden, eingefärbt nach Regierungsbezirk, mit Kreisgrenzen. Klick auf eine Gemeinde öffnet ihr Profil; alle Gemeinden sind auch in der Liste „Kommunen“ erreichbar."
            fill={(key) => COLOR_BY_REGBEZ.get(regbezByKey.get(key) ?? "") ?? NEUTRAL_FILL}
            legend={REGIERUNGSBEZIRKE.map((entry) => ({
              label: entry.label,
              color: COLOR_BY_REGBEZ.get(entry.key) ?? NEUTRAL_FILL,
            }))}
            onSelect={(key) => void navigate(`/kommunen/${key}`)}
          />
        ) : null}
      </section>
    </>
  );
}
