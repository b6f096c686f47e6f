import { can } from "@it-atlas/domain";
import { useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { useRegions } from "../../api/hooks.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useAdoptionImport } from "./ozgReadinessQueries.ts";
import { OzgNavigation } from "./OzgNavigation.tsx";
import { SelectField } from "../../ui/Field.tsx";
import "./ozgReadiness.css";

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/**
 * Import of adoption status from the CSV template: check first (new, changed, unchanged rows and
 * every problem with row and column), then take over all rows at once — or none.
 */
export function AdoptionImportPage() {
  usePageTitle("Umsetzungsstand importieren");
  const { principal } = usePrincipal();
  const regions = useRegions();
  const [region, setRegion] = useState("");
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [result, setResult] = useState<Schemas["ImportResult"] | null>(null);
  const importer = useAdoptionImport();
  const mayImport = can(principal, "adoption:import");

  function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    importer.mutate({ file, commit: false }, { onSuccess: setResult });
  }

  const template = `/api/ozg/adoption/template.csv${region ? `?${region.length === 3 ? "regierungsbezirk" : "kreis"}=${region}` : ""}`;
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Umsetzungsstand importieren
      </h1>
      <p className="kern-body">
        Der Umsetzungsstand je Kommune und OZG-Leistung sowie die Checkliste der Basiskomponenten
        lassen sich als Excel-Arbeitsmappe (Blatt „OZG-Umsetzung“) oder CSV-Datei (Semikolon oder
        Komma, UTF-8, Datumsangaben TT.MM.JJJJ) einlesen. Die Datei wird zuerst geprüft; übernommen
        wird nur eine fehlerfreie Datei, und dann alles auf einmal.
      </p>
      <OzgNavigation />
      <section aria-labelledby="vorlage-titel">
        <h2 id="vorlage-titel" className="kern-heading-medium">
          1. Vorlage herunterladen
        </h2>
        <div className="atlas-ozg-actions">
          <SelectField
            label="Vorausgefüllt für"
            allLabel="leere Vorlage"
            value={region}
            onChange={setRegion}
          >
            <optgroup label="Regierungsbezirke">
              {(regions.data?.regierungsbezirke ?? []).map((item) => (
                <option key={item.key} value={item.key}>
                  {item.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Kreise">
              {(regions.data?.kreise ?? []).map((item) => (
                <option key={item.key} value={item.key}>
                  {item.name}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <a className="kern-link" href={template}>
            Vorlage (CSV) herunterladen
          </a>
        </div>
      </section>
      <section aria-labelledby="pruefen-titel">
        <h2 id="pruefen-titel" className="kern-heading-medium">
          2. Datei prüfen und übernehmen
        </h2>
        {!mayImport ? (
          <p className="kern-body">
            Importieren dürfen Kommune-Bearbeiterinnen und -Bearbeiter (für ihre Kommune) und
            Administratoren. Bitte melden Sie sich an.
          </p>
        ) : (
          <form onSubmit={check} aria-label="Importdatei prüfen">
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="ozg-import-datei">
                Datei (Excel oder CSV)
              </label>
              <input
                id="ozg-import-datei"
                className="kern-form-input__input"
                type="file"
                accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  setResult(null);
                  if (!chosen) return setFile(null);
                  void toBase64(chosen).then((content) =>
                    setFile({ fileName: chosen.name, content }),
                  );
                }}
              />
            </div>
            <div className="atlas-form-actions">
              <button
                type="submit"
                className="kern-btn kern-btn--secondary"
                disabled={!file || importer.isPending}
              >
                <span className="kern-label">Prüfen</span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                disabled={
                  !file ||
                  !result ||
                  result.problemCount > 0 ||
                  result.committed ||
                  importer.isPending
                }
                onClick={() =>
                  file && importer.mutate({ file, commit: true }, { onSuccess: setResult })
                }
              >
                <span className="kern-label">Übernehmen</span>
              </button>
            </div>
          </form>
        )}
        {importer.isError ? <ErrorState error={importer.error} title="Nicht übernommen" /> : null}
        {result ? <ImportResultView result={result} /> : null}
      </section>
    </>
  );
}

function ImportResultView({ result }: { result: Schemas["ImportResult"] }) {
  return (
    <div role="status" className="atlas-panel">
      <p className="kern-body kern-body--bold">
        {result.committed
          ? `Übernommen: ${result.fileName}`
          : result.problemCount > 0
            ? `${result.problemCount} Fehler – die Datei kann so nicht übernommen werden.`
            : "Die Datei ist fehlerfrei und kann übernommen werden."}
      </p>
      <p className="kern-body">
        neu: {result.counts.new} · geändert: {result.counts.changed} · unverändert:{" "}
        {result.counts.unchanged} · fehlerhaft: {result.counts.invalid}
      </p>
      {result.problems.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped kern-table--small">
            <caption className="kern-body kern-body--bold atlas-table-caption">Fehler</caption>
            <thead>
              <tr className="kern-table__row">
                {["Zeile", "Spalte", "Wert", "Meldung"].map((label) => (
                  <th key={label} scope="col" className="kern-table__header">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.problems.map((problem, index) => (
                <tr key={index} className="kern-table__row">
                  <td className="kern-table__cell">{problem.row ?? "–"}</td>
                  <td className="kern-table__cell">{problem.column ?? "–"}</td>
                  <td className="kern-table__cell">{problem.value ?? "–"}</td>
                  <td className="kern-table__cell">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
