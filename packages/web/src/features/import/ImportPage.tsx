import { IMPORT_SHEETS } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { formatInteger } from "../../ui/format.ts";
import { errorMessage, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { AccessNotice } from "../auth/AccessNotice.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { todayInGermany } from "../sourcing/todayInGermany.ts";
import { ExportLinks } from "./ExportLinks.tsx";
import { ImportFieldChangeTable } from "./ImportFieldChangeTable.tsx";
import { ImportProblemTable } from "./ImportProblemTable.tsx";
import { ImportSummary } from "./ImportSummary.tsx";
import { JobProgress } from "./JobProgress.tsx";
import { useCommitImport, useImportJob, useUploadImport } from "./importQueries.ts";
import "./import.css";

function Notice({
  tone,
  title,
  children,
}: {
  tone: "danger" | "warning" | "info" | "success";
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`kern-alert kern-alert--${tone}`} role={tone === "danger" ? "alert" : "status"}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body">{children}</div>
    </div>
  );
}

/** The sheets a user can pick: template, current data and which columns are read. */
const ENTITY_OPTIONS = [...IMPORT_SHEETS].reverse().map((spec) => ({
  entity: spec.entity,
  sheet: spec.sheet,
  title: spec.title,
  rowHint: spec.rowHint ?? "",
  permissionHint: spec.permissionHint ?? "",
  imported: spec.columns.filter((column) => column.kind !== "info").map((column) => column.header),
  informational: spec.columns
    .filter((column) => column.kind === "info")
    .map((column) => column.header),
}));

/**
 * Import from Excel or CSV of Bezüge, Kommunen, products, memberships or offers: pick the
 * entity and download its template, upload a file, see the check (new, changed, unchanged
 * and invalid rows; each problem with sheet, row, column, value), then commit — one
 * transaction, nothing when a row is invalid. Below: the export downloads.
 */
export function ImportPage() {
  usePageTitle("Import und Export");
  const { principal, isPending } = usePrincipal();
  const fileId = useId();
  const [entity, setEntity] = useState(ENTITY_OPTIONS[0]?.entity ?? "sourcing");
  const chosen = ENTITY_OPTIONS.find((option) => option.entity === entity) ?? ENTITY_OPTIONS[0];
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ uploadId: number; jobId: number } | null>(null);
  const [commitJobId, setCommitJobId] = useState<number | null>(null);
  const upload = useUploadImport();
  const commit = useCommitImport();
  const preview = useImportJob(uploaded?.jobId ?? null);
  const committed = useImportJob(commitJobId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setUploaded(null);
    setCommitJobId(null);
    upload.mutate(file, { onSuccess: (started) => setUploaded(started) });
  }

  const result = preview.result;
  const canCommit =
    result !== undefined &&
    result.counts.invalid === 0 &&
    result.counts.new + result.counts.changed > 0 &&
    commitJobId === null;
  const running = (status: string | undefined) =>
    status === "queued" || status === "running" || status === undefined;

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Import und Export
      </h1>
      <p className="kern-body">
        Bezüge (welche Kommune welchen Leistungsbereich wie, von wem und zu welchen Kosten bezieht),
        Angaben der Kommunen, Mitgliedschaften, Angebote der IT-Dienstleister und Produkte lassen
        sich als Excel- oder CSV-Datei einlesen. Die Prüfung zeigt vorher jede Änderung und jedes
        Problem; gespeichert wird erst nach Ihrer Bestätigung – alles oder nichts. Eine Arbeitsmappe
        darf mehrere Blätter enthalten (z. B. „Produkte“ und „Angebote“).
      </p>
      {isPending ? <LoadingState label="Anmeldung wird geprüft …" /> : null}
      {!isPending && principal.kind === "anonymous" ? (
        <AccessNotice principal={principal} who="angemeldeten Personen" />
      ) : null}
      {principal.kind === "user" ? (
        <>
          <section aria-labelledby={`${fileId}-template`}>
            <h2 id={`${fileId}-template`} className="kern-heading-medium">
              1. Vorlage herunterladen
            </h2>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor={`${fileId}-entity`}>
                Was möchten Sie einlesen?
              </label>
              <div className="kern-form-input__select-wrapper">
                <select
                  id={`${fileId}-entity`}
                  className="kern-form-input__select"
                  value={entity}
                  onChange={(event) => setEntity(event.target.value)}
                >
                  {ENTITY_OPTIONS.map((option) => (
                    <option key={option.entity} value={option.entity}>
                      {option.title}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {chosen ? (
              <>
                <p className="kern-body">
                  {chosen.rowHint} Importieren dürfen: {chosen.permissionHint}
                </p>
                <p className="kern-body kern-body--small">
                  Eingelesen werden: {chosen.imported.join(", ")}.
                  {chosen.informational.length > 0
                    ? ` Nur zur Orientierung (nicht eingelesen): ${chosen.informational.join(", ")}.`
                    : ""}
                </p>
                <p className="kern-body">
                  Die Vorlage enthält die Spalten, ein Blatt „Hinweise“ und Auswahllisten (Blatt
                  „Werte“). Der aktuelle Bestand hat dieselben Spalten und kann bearbeitet und
                  wieder eingelesen werden.
                </p>
                <div className="atlas-import-actions">
                  <a
                    className="kern-btn kern-btn--secondary"
                    href={`/api/imports/templates/${chosen.entity}`}
                    download
                  >
                    <span className="kern-icon kern-icon--download" aria-hidden="true" />
                    <span className="kern-label">
                      Vorlage „{chosen.sheet}“ herunterladen (Excel)
                    </span>
                  </a>
                  <a
                    className="kern-btn kern-btn--tertiary"
                    href={`/api/export/sheets/${chosen.entity}?format=xlsx`}
                    download
                  >
                    <span className="kern-icon kern-icon--download" aria-hidden="true" />
                    <span className="kern-label">Aktuellen Bestand „{chosen.sheet}“ (Excel)</span>
                  </a>
                </div>
              </>
            ) : null}
          </section>

          <section aria-labelledby={`${fileId}-upload`}>
            <h2 id={`${fileId}-upload`} className="kern-heading-medium">
              2. Datei hochladen und prüfen
            </h2>
            <form onSubmit={submit} noValidate>
              <div className="kern-form-input">
                <label className="kern-label" htmlFor={fileId}>
                  Datei (Excel .xlsx oder CSV, höchstens 50 MB)
                </label>
                <input
                  id={fileId}
                  className="kern-form-input__input"
                  type="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </div>
              <div className="atlas-import-actions">
                <button
                  type="submit"
                  className="kern-btn kern-btn--primary"
                  disabled={!file || upload.isPending}
                >
                  <span className="kern-label">Hochladen und prüfen</span>
                </button>
              </div>
            </form>
            {upload.isPending ? <LoadingState label="Datei wird hochgeladen …" /> : null}
            {upload.isError ? (
              <Notice tone="danger" title="Hochladen fehlgeschlagen">
                <p className="kern-body">{errorMessage(upload.error)}</p>
              </Notice>
            ) : null}
            {uploaded && running(preview.data?.status) ? (
              <JobProgress
                label="Prüfung"
                progress={preview.data?.progress ?? 0}
                text={preview.data?.progressText ?? null}
              />
            ) : null}
            {preview.data?.status === "failed" ? (
              <Notice tone="danger" title="Die Datei konnte nicht gelesen werden">
                <p className="kern-body">{preview.data.errorDetail}</p>
              </Notice>
            ) : null}
          </section>

          {result ? (
            <section aria-labelledby={`${fileId}-preview`}>
              <h2 id={`${fileId}-preview`} className="kern-heading-medium">
                3. Vorschau: {result.fileName}
              </h2>
              <ImportSummary result={result} />
              {result.notes.map((note) => (
                <p key={note} className="kern-body kern-body--small">
                  {note}
                </p>
              ))}
              {result.counts.invalid > 0 || result.problemCount > 0 ? (
                <Notice
                  tone="warning"
                  title="Die Datei enthält Fehler – es wird nichts gespeichert"
                >
                  <p className="kern-body">
                    Bitte korrigieren Sie die {formatInteger(result.problemCount)} genannten Stellen
                    in der Datei und laden Sie sie erneut hoch.
                  </p>
                </Notice>
              ) : null}
              {result.problems.length > 0 ? (
                <ImportProblemTable problems={result.problems} total={result.problemCount} />
              ) : null}
              {result.fieldChanges.length > 0 ? (
                <ImportFieldChangeTable
                  changes={result.fieldChanges}
                  total={result.fieldChangeCount}
                />
              ) : null}
              {result.counts.invalid === 0 && result.counts.new + result.counts.changed === 0 ? (
                <Notice tone="info" title="Keine Änderungen">
                  <p className="kern-body">Alle Zeilen entsprechen dem gespeicherten Stand.</p>
                </Notice>
              ) : null}
              {canCommit ? (
                <div className="atlas-import-actions">
                  <button
                    type="button"
                    className="kern-btn kern-btn--primary"
                    disabled={commit.isPending}
                    onClick={() =>
                      uploaded &&
                      commit.mutate(uploaded.uploadId, {
                        onSuccess: (started) => setCommitJobId(started.jobId),
                      })
                    }
                  >
                    <span className="kern-label">
                      {formatInteger(result.counts.new + result.counts.changed)} Änderungen
                      übernehmen
                    </span>
                  </button>
                </div>
              ) : null}
              {commit.isError ? (
                <Notice tone="danger" title="Übernehmen fehlgeschlagen">
                  <p className="kern-body">{errorMessage(commit.error)}</p>
                </Notice>
              ) : null}
              {commitJobId !== null && running(committed.data?.status) ? (
                <JobProgress
                  label="Übernahme"
                  progress={committed.data?.progress ?? 0}
                  text={committed.data?.progressText ?? null}
                />
              ) : null}
              {committed.data?.status === "failed" ? (
                <Notice tone="danger" title="Übernahme fehlgeschlagen – nichts gespeichert">
                  <p className="kern-body">{committed.data.errorDetail}</p>
                </Notice>
              ) : null}
              {committed.result?.committed ? (
                <Notice tone="success" title="Import übernommen">
                  <p className="kern-body">
                    {formatInteger(committed.result.counts.new)} neue und{" "}
                    {formatInteger(committed.result.counts.changed)} geänderte{" "}
                    {committed.result.sheets.every((sheet) => sheet.entity === "sourcing")
                      ? "Bezüge"
                      : "Zeilen"}{" "}
                    wurden gespeichert.{" "}
                    <Link className="kern-link" to="/landkarte">
                      Zur Landkarte
                    </Link>
                  </p>
                </Notice>
              ) : null}
              {committed.result && !committed.result.committed ? (
                <>
                  <Notice tone="warning" title="Nicht übernommen">
                    <p className="kern-body">
                      Der Datenbestand hat sich seit der Prüfung geändert; die Datei enthält jetzt
                      Fehler.
                    </p>
                  </Notice>
                  <ImportProblemTable
                    problems={committed.result.problems}
                    total={committed.result.problemCount}
                  />
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby={`${fileId}-export`}>
            <h2 id={`${fileId}-export`} className="kern-heading-medium">
              Export zum {todayInGermany().split("-").reverse().join(".")}
            </h2>
            <p className="kern-body">
              Exporte enthalten, was Sie auch in der Anwendung sehen: vertrauliche Kosten anderer
              Kommunen bleiben leer. Zellen, die mit = + - @ beginnen, werden gegen
              Formel-Einschleusung geschützt.
            </p>
            <ExportLinks asOf={todayInGermany()} />
          </section>
        </>
      ) : null}
    </>
  );
}
