import { targetModelLabel } from "@it-atlas/domain";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useBoundaries, useDomains } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { NEUTRAL_FILL } from "../../map/palette.ts";
import { SelectField } from "../../ui/Field.tsx";
import { formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { useAdoptedDecisions } from "./strategyQueries.ts";

const VOR_ORT = "#0072B2";

/** `/strategien/vor-ort`: where beschlossene IT-Strategien keep which services "vor Ort". */
export function VorOrtOverviewPage() {
  usePageTitle("Vor Ort notwendige Leistungen");
  const [params, setParams] = useSearchParams();
  const domain = params.get("bereich") ?? "";
  const domains = useDomains();
  const leaves = (domains.data?.items ?? []).filter((item) => !item.isGroup);
  const decisions = useAdoptedDecisions({ vorOrt: "true", ...(domain ? { domain } : {}) });
  const boundaries = useBoundaries("gemeinde");
  const domainName = (id: string) => leaves.find((item) => item.id === id)?.name ?? id;
  const items = decisions.data?.items ?? [];
  const byKommune = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const item of items) {
      map.set(item.organisationKey, [
        ...(map.get(item.organisationKey) ?? []),
        item.decision.domainId,
      ]);
    }
    return map;
  }, [items]);
  const summary =
    items.length === 0
      ? "Keine beschlossene Strategie erklärt Leistungen als vor Ort notwendig."
      : `${byKommune.size} Kommune(n) mit ${items.length} als vor Ort notwendig beschlossenen Leistungsbereich(en).`;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Vor Ort notwendige Leistungen
      </h1>
      <p className="kern-body">
        Landesweite Übersicht aus den beschlossenen IT-Strategien der Kommunen: welche
        Leistungsbereiche vor Ort bleiben müssen.
      </p>
      <form
        className="atlas-filters"
        aria-label="Filter"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Leistungsbereich"
          allLabel="Alle Leistungsbereiche"
          value={domain}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set("bereich", value);
            else next.delete("bereich");
            setParams(next, { replace: true });
          }}
        >
          {leaves.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
      </form>
      {decisions.isPending ? <LoadingState /> : null}
      {decisions.isError ? <ErrorState error={decisions.error} /> : null}
      {decisions.data ? (
        <>
          <p className="kern-body">{summary}</p>
          {boundaries.data ? (
            <NrwMap
              boundaries={boundaries.data}
              title={`Vor Ort notwendig: ${domain ? domainName(domain) : "alle Leistungsbereiche"}`}
              summary={summary}
              fill={(key) => (byKommune.has(key) ? VOR_ORT : NEUTRAL_FILL)}
              legend={[
                { color: VOR_ORT, label: "Vor Ort notwendig (beschlossen)" },
                { color: NEUTRAL_FILL, label: "Keine solche Entscheidung" },
              ]}
            />
          ) : null}
          {items.length === 0 ? (
            <EmptyState>{summary}</EmptyState>
          ) : (
            <div className="kern-table-responsive">
              <table className="kern-table kern-table--striped kern-table--small">
                <caption className="kern-body kern-body--bold atlas-table-caption">
                  Als vor Ort notwendig beschlossene Leistungsbereiche
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      Kommune
                    </th>
                    <th scope="col" className="kern-table__header">
                      Leistungsbereich
                    </th>
                    <th scope="col" className="kern-table__header">
                      Zielbetriebsmodell
                    </th>
                    <th scope="col" className="kern-table__header">
                      Begründung
                    </th>
                    <th scope="col" className="kern-table__header">
                      Ratsbeschluss
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr
                      key={`${item.organisationKey}-${item.decision.domainId}`}
                      className="kern-table__row"
                    >
                      <th scope="row" className="kern-table__header">
                        <Link
                          className="kern-link"
                          to={`/kommunen/${item.organisationKey}/strategie`}
                        >
                          {item.organisationName}
                        </Link>
                      </th>
                      <td className="kern-table__cell">{domainName(item.decision.domainId)}</td>
                      <td className="kern-table__cell">
                        {targetModelLabel[item.decision.targetModel]}
                      </td>
                      <td className="kern-table__cell">{item.decision.rationale ?? "–"}</td>
                      <td className="kern-table__cell">
                        {formatIsoDate(item.councilDecisionDate)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
