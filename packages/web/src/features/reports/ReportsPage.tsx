import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import type { KpiLevel } from "../kpi/kpiQueries.ts";
import { ScopePicker } from "../kpi/ScopePicker.tsx";
import { downloadReport } from "./downloadReport.ts";

type ReportType = "landscape" | "kommune" | "progress";

const TYPES: Array<{ value: ReportType; label: string; hint: string; levels: KpiLevel[] }> = [
  {
    value: "landscape",
    label: "Landschaftsbericht",
    hint: "Karte, Kennzahlen, Fragmentierung, OZG-Stand, Bezug je Leistungsbereich, Quellen",
    levels: ["nrw", "regierungsbezirk", "kreis"],
  },
  {
    value: "kommune",
    label: "Kommunenprofil",
    hint: "Merkmale, OZG-Stand und Bezug je Leistungsbereich einer Kommune",
    levels: ["kommune"],
  },
  {
    value: "progress",
    label: "Fortschrittsbericht",
    hint: "Kennzahlen des Veränderungsprozesses über die Zeit",
    levels: ["nrw", "regierungsbezirk", "kreis", "kommune"],
  },
];

function reportUrl(type: ReportType, level: KpiLevel, key: string): string {
  if (type === "kommune") return `/api/reports/kommunen/${encodeURIComponent(key)}`;
  const query = new URLSearchParams({ level, key });
  return `/api/reports/${type === "landscape" ? "landscape" : "progress"}?${query.toString()}`;
}

/** `/berichte`: choose a report and its area, and download it as PDF (made on the server). */
export function ReportsPage() {
  usePageTitle("Berichte");
  const typeName = useId();
  const [type, setType] = useState<ReportType>("landscape");
  const [level, setLevel] = useState<KpiLevel>("kreis");
  const [key, setKey] = useState("");
  const definition = TYPES.find((entry) => entry.value === type) ?? TYPES[0]!;
  const download = useMutation({
    mutationFn: () =>
      downloadReport(reportUrl(type, level, key), `${definition.label.toLowerCase()}-${key}.pdf`),
  });
  const ready = key.length > 0;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Berichte
      </h1>
      <p className="kern-body">
        Druckbare, barrierearme PDF-Berichte für Räte, Verbandsversammlungen und den Kongress. Sie
        werden auf dem Server mit denselben Zahlen wie die Seite „Kennzahlen“ erstellt.
      </p>
      <form
        className="atlas-report-form"
        aria-label="Bericht erstellen"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) download.mutate();
        }}
      >
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Art des Berichts</legend>
          <div className="kern-fieldset__body">
            {TYPES.map((entry) => (
              <div className="kern-form-check" key={entry.value}>
                <input
                  className="kern-form-check__radio"
                  type="radio"
                  id={`${typeName}-${entry.value}`}
                  name={typeName}
                  checked={type === entry.value}
                  onChange={() => {
                    setType(entry.value);
                    const nextLevel = entry.levels.includes(level) ? level : entry.levels[0]!;
                    setLevel(nextLevel);
                    setKey(nextLevel === "nrw" ? "05" : nextLevel === level ? key : "");
                    download.reset();
                  }}
                />
                <label className="kern-label" htmlFor={`${typeName}-${entry.value}`}>
                  {entry.label} – {entry.hint}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <ScopePicker
          level={level}
          scopeKey={key}
          levels={definition.levels}
          onChange={(nextLevel, nextKey) => {
            setLevel(nextLevel);
            setKey(nextKey);
            download.reset();
          }}
        />
        <p className="kern-body">
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            disabled={!ready || download.isPending}
          >
            <span className="kern-label">PDF herunterladen</span>
          </button>
        </p>
      </form>
      <div role="status" className="kern-body">
        {download.isPending ? (
          <>
            <progress aria-label="Bericht wird erstellt" /> Bericht wird erstellt …
          </>
        ) : download.isSuccess ? (
          "Bericht erstellt und heruntergeladen."
        ) : (
          ""
        )}
      </div>
      {download.isError ? (
        <ErrorState error={download.error} title="Bericht konnte nicht erstellt werden" />
      ) : null}
    </>
  );
}
