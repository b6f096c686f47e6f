import { can, targetModelLabel } from "@it-atlas/domain";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { useOrganisation, useProviders } from "../../api/hooks.ts";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { CommentSection } from "../change/CommentSection.tsx";
import { DemoBadge } from "../sourcing/DemoBadge.tsx";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FieldErrorMessage } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { toFormProblem } from "../sourcing/toFormProblem.ts";
import { useDomainName } from "../survey/QuestionnaireForm.tsx";
import {
  useAdopt,
  useSaveDraft,
  useStrategies,
  useSuggestions,
  type Decision,
  type Finding,
  type Strategy,
  type Suggestion,
  type TargetModel,
} from "./strategyQueries.ts";
import "../survey/survey.css";

const TARGET_MODELS = Object.keys(targetModelLabel) as TargetModel[];
const PRIORITY_LABEL: Record<number, string> = { 1: "1 – hoch", 2: "2 – mittel", 3: "3 – niedrig" };

/** A row as edited: a decision or none yet; the year as typed. */
interface Row {
  domainId: string;
  decision: Decision | null;
  yearText: string;
}

function rowsOf(domainIds: readonly string[], decisions: readonly Decision[]): Row[] {
  const byDomain = new Map(decisions.map((decision) => [decision.domainId, decision]));
  const ids = [
    ...domainIds,
    ...decisions.map((d) => d.domainId).filter((id) => !domainIds.includes(id)),
  ];
  return ids.map((domainId) => {
    const decision = byDomain.get(domainId) ?? null;
    return {
      domainId,
      decision,
      yearText: decision?.targetYear ? String(decision.targetYear) : "",
    };
  });
}

/** Applies a suggestion to a row, keeping what the row already says about priority and year. */
export function applySuggestion(row: Row, suggestion: Suggestion): Row {
  return {
    ...row,
    decision: {
      domainId: row.domainId,
      targetModel: suggestion.targetModel,
      providerId: suggestion.providerId,
      vorOrtRequired: suggestion.vorOrtRequired,
      rationale: row.decision?.rationale ?? (suggestion.reasons.join(" ") || null),
      priority: row.decision?.priority ?? 2,
      targetYear: row.decision?.targetYear ?? null,
    },
  };
}

/** `/kommunen/:ags/strategie`: the Kommune's IT-Strategie – draft, checks, adoption, versions. */
export function StrategyEditorPage() {
  const { ags = "" } = useParams();
  const organisation = useOrganisation(ags);
  const { principal, isPending } = usePrincipal();
  const mayEdit = can(principal, "sourcing:edit", { organisationKey: ags });
  const strategies = useStrategies(ags);
  const suggestions = useSuggestions(ags, mayEdit);
  const name = organisation.data?.name ?? strategies.data?.items[0]?.organisationName ?? ags;
  usePageTitle(`IT-Strategie ${name}`);
  const draft = strategies.data?.items.find((item) => item.status === "draft");
  const latest = strategies.data?.items
    .filter((item) => item.status === "adopted")
    .sort((a, b) => b.version - a.version)[0];
  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to={`/kommunen/${ags}`}>
          Zurück zu {name}
        </Link>
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        IT-Strategie {name}
      </h1>
      {strategies.isPending || isPending ? <LoadingState /> : null}
      {strategies.isError ? <ErrorState error={strategies.error} /> : null}
      {strategies.data && mayEdit && suggestions.isPending ? (
        <LoadingState label="Vorschläge werden geladen …" />
      ) : null}
      {suggestions.isError ? <ErrorState error={suggestions.error} /> : null}
      {strategies.data && mayEdit && suggestions.data ? (
        <StrategyEditor
          key={ags}
          ags={ags}
          domainIds={suggestions.data.domainIds}
          campaignTitle={suggestions.data.campaignTitle}
          suggestions={suggestions.data.items}
          initial={draft?.decisions ?? latest?.decisions ?? []}
          initialFindings={strategies.data.findings}
          hasDraft={Boolean(draft)}
        />
      ) : null}
      {strategies.data && !isPending && !mayEdit ? (
        <p className="kern-body">
          Den Entwurf bearbeiten kann nur das Team der Kommune. Beschlossene Versionen:
        </p>
      ) : null}
      {strategies.data ? <Versions ags={ags} items={strategies.data.items} /> : null}
      {(draft ?? latest) ? (
        <CommentSection
          target={{ targetType: "strategy", targetId: String((draft ?? latest)?.id) }}
        />
      ) : null}
    </>
  );
}

function Versions({ ags, items }: { ags: string; items: readonly Strategy[] }) {
  return (
    <section aria-labelledby="versionen" className="atlas-survey-section">
      <h2 id="versionen" className="kern-heading-medium">
        Versionen
      </h2>
      {items.length === 0 ? (
        <p className="kern-body">Es gibt noch keine Version.</p>
      ) : (
        <table className="kern-table kern-table--small">
          <caption className="kern-sr-only">Versionen der IT-Strategie</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Version
              </th>
              <th scope="col" className="kern-table__header">
                Status
              </th>
              <th scope="col" className="kern-table__header">
                Ratsbeschluss
              </th>
              <th scope="col" className="kern-table__header">
                Zuletzt geändert
              </th>
              <th scope="col" className="kern-table__header">
                Dokument
              </th>
            </tr>
          </thead>
          <tbody>
            {[...items]
              .sort((a, b) => b.version - a.version)
              .map((item) => (
                <tr key={item.version} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {item.version}
                  </th>
                  <td className="kern-table__cell">
                    {item.status === "adopted" ? "Beschlossen" : "Entwurf"}
                  </td>
                  <td className="kern-table__cell">{formatIsoDate(item.councilDecisionDate)}</td>
                  <td className="kern-table__cell">
                    {formatDateTime(item.updatedAt)} ({item.updatedBy})
                  </td>
                  <td className="kern-table__cell">
                    <a
                      className="kern-link"
                      href={`/api/organisations/${ags}/strategies/${item.version}/pdf`}
                      download
                    >
                      PDF herunterladen
                      <span className="kern-sr-only"> (Version {item.version})</span>
                    </a>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StrategyEditor({
  ags,
  domainIds,
  campaignTitle,
  suggestions,
  initial,
  initialFindings,
  hasDraft,
}: {
  ags: string;
  domainIds: readonly string[];
  campaignTitle: string | null;
  suggestions: readonly Suggestion[];
  initial: readonly Decision[];
  initialFindings: readonly Finding[];
  hasDraft: boolean;
}) {
  const domainName = useDomainName();
  const providers = useProviders();
  const baseId = useId();
  const [rows, setRows] = useState(() => rowsOf(domainIds, initial));
  const [findings, setFindings] = useState<readonly Finding[]>(initialFindings);
  const [decisionDate, setDecisionDate] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [localErrors, setLocalErrors] = useState<Array<{ field: string; message: string }>>([]);
  const save = useSaveDraft(ags);
  const adopt = useAdopt(ags);
  const problem = save.error
    ? toFormProblem(save.error)
    : adopt.error
      ? toFormProblem(adopt.error)
      : null;
  const errors = [...localErrors, ...(problem?.errors ?? [])];

  const decided = rows.filter((row) => row.decision !== null);
  const decisions = (): Decision[] | null => {
    const problems: Array<{ field: string; message: string }> = [];
    const list = decided.map((row, index) => {
      const text = row.yearText.trim();
      const year = text === "" ? null : Number(text);
      if (year !== null && !Number.isInteger(year)) {
        problems.push({
          field: `decisions.${index}.targetYear`,
          message: "Bitte ein Jahr wie 2028 angeben.",
        });
      }
      return {
        ...(row.decision as Decision),
        targetYear: year !== null && Number.isInteger(year) ? year : null,
      };
    });
    setLocalErrors(problems);
    return problems.length > 0 ? null : list;
  };
  const indexOf = (domainId: string) => decided.findIndex((row) => row.domainId === domainId);
  const errorFor = (domainId: string, field: string) =>
    errors.find((error) => error.field === `decisions.${indexOf(domainId)}.${field}`)?.message;

  const update = (domainId: string, change: Partial<Decision> | null, yearText?: string) =>
    setRows((current) =>
      current.map((row) => {
        if (row.domainId !== domainId) return row;
        if (change === null) return { ...row, decision: null, yearText: "" };
        const decision: Decision = {
          domainId,
          targetModel: "vor_ort",
          providerId: null,
          vorOrtRequired: false,
          rationale: null,
          priority: 2,
          targetYear: null,
          ...row.decision,
          ...change,
        };
        return { ...row, decision, yearText: yearText ?? row.yearText };
      }),
    );

  function saveDraft() {
    const list = decisions();
    if (!list) return;
    save.mutate(list, { onSuccess: (result) => setFindings(result.findings) });
  }

  const errorCount = findings.filter((finding) => finding.severity === "error").length;
  const fieldId = (field: string) => {
    const match = /^decisions\.(\d+)\.(\w+)/.exec(field);
    const row = match ? decided[Number(match[1])] : undefined;
    return row
      ? `${baseId}-${row.domainId}-${match?.[2] === "targetYear" ? "jahr" : "modell"}`
      : undefined;
  };
  const fieldLabel = (field: string) => {
    const match = /^decisions\.(\d+)/.exec(field);
    const row = match ? decided[Number(match[1])] : undefined;
    return row ? domainName(row.domainId) : undefined;
  };

  return (
    <form
      noValidate
      aria-label="IT-Strategie bearbeiten"
      onSubmit={(event) => {
        event.preventDefault();
        saveDraft();
      }}
    >
      <p className="kern-body">
        {campaignTitle
          ? `Vorschläge beruhen auf Ihren Antworten zur Bedarfserhebung „${campaignTitle}“, Ihrer heutigen IT-Landkarte und Vergleichskommunen gleicher Größenklasse.`
          : "Vorschläge beruhen auf Ihrer heutigen IT-Landkarte und Vergleichskommunen gleicher Größenklasse."}{" "}
        {hasDraft ? "Es gibt einen gespeicherten Entwurf." : "Noch kein Entwurf gespeichert."}
      </p>
      {problem || localErrors.length > 0 ? (
        <ErrorSummary
          title={problem?.title ?? "Bitte prüfen Sie Ihre Angaben"}
          {...(problem ? { detail: problem.detail } : {})}
          errors={errors}
          fieldId={fieldId}
          fieldLabel={fieldLabel}
        />
      ) : null}
      <p className="kern-body" role="status">
        {save.isSuccess && !save.isPending
          ? `Entwurf gespeichert. ${errorCount > 0 ? `${errorCount} Fehler verhindern den Beschluss.` : "Keine Fehler in der Konsistenzprüfung."}`
          : null}
        {adopt.isSuccess
          ? `Version ${adopt.data.version} beschlossen am ${formatIsoDate(adopt.data.councilDecisionDate)}.`
          : null}
      </p>

      {rows.map((row) => {
        const id = `${baseId}-${row.domainId}`;
        const name = domainName(row.domainId);
        const suggestion = suggestions.find((item) => item.domainId === row.domainId);
        const rowFindings = findings.filter((finding) => finding.domainId === row.domainId);
        const hasError = rowFindings.some((finding) => finding.severity === "error");
        const decision = row.decision;
        return (
          <section
            key={row.domainId}
            className={`atlas-strategy-row${hasError ? " atlas-strategy-row--error" : ""}`}
            aria-labelledby={`${id}-titel`}
          >
            <h2 id={`${id}-titel`} className="kern-heading-small">
              {name}
            </h2>
            {rowFindings.length > 0 ? (
              <ul className="kern-list" aria-label={`Prüfergebnisse ${name}`}>
                {rowFindings.map((finding) => (
                  <li
                    key={finding.code}
                    className={finding.severity === "error" ? "kern-error" : ""}
                  >
                    <span className="kern-body">
                      <strong>{finding.severity === "error" ? "Fehler: " : "Hinweis: "}</strong>
                      {finding.message}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {suggestion ? (
              <div className="kern-alert kern-alert--info">
                <div className="kern-alert__body">
                  <p className="kern-body">
                    <strong>Vorschlag:</strong> {targetModelLabel[suggestion.targetModel]}
                    {suggestion.vorOrtRequired ? ", vor Ort notwendig" : ""}.{" "}
                    {suggestion.reasons.join(" ")}
                    {suggestion.demo ? (
                      <>
                        {" "}
                        <DemoBadge small /> Der Vorschlag beruht auf synthetischen Werten der
                        Demo-Landkarte; bitte vor dem Übernehmen prüfen.
                      </>
                    ) : null}
                  </p>
                  <button
                    type="button"
                    className="kern-btn kern-btn--secondary kern-btn--small"
                    onClick={() =>
                      setRows((current) =>
                        current.map((item) =>
                          item.domainId === row.domainId ? applySuggestion(item, suggestion) : item,
                        ),
                      )
                    }
                  >
                    <span className="kern-label">
                      Vorschlag übernehmen<span className="kern-sr-only"> ({name})</span>
                    </span>
                  </button>
                </div>
              </div>
            ) : null}
            <div className="atlas-survey-grid">
              <div
                className={`kern-form-input${errorFor(row.domainId, "targetModel") ? " kern-form-input--error" : ""}`}
              >
                <label className="kern-label" htmlFor={`${id}-modell`}>
                  Zielbetriebsmodell ({name})
                </label>
                <div className="kern-form-input__select-wrapper">
                  <select
                    id={`${id}-modell`}
                    className="kern-form-input__select"
                    value={decision?.targetModel ?? ""}
                    onChange={(event) =>
                      update(
                        row.domainId,
                        event.target.value
                          ? { targetModel: event.target.value as TargetModel }
                          : null,
                      )
                    }
                  >
                    <option value="">Nicht festgelegt</option>
                    {TARGET_MODELS.map((model) => (
                      <option key={model} value={model}>
                        {targetModelLabel[model]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {decision?.targetModel === "it_dienstleister" ? (
                <div
                  className={`kern-form-input${errorFor(row.domainId, "providerId") ? " kern-form-input--error" : ""}`}
                >
                  <label className="kern-label" htmlFor={`${id}-dienstleister`}>
                    IT-Dienstleister ({name})
                  </label>
                  {errorFor(row.domainId, "providerId") ? (
                    <FieldErrorMessage
                      id={`${id}-dienstleister-fehler`}
                      message={errorFor(row.domainId, "providerId") ?? ""}
                    />
                  ) : null}
                  <div className="kern-form-input__select-wrapper">
                    <select
                      id={`${id}-dienstleister`}
                      className="kern-form-input__select"
                      value={decision.providerId ?? ""}
                      onChange={(event) =>
                        update(row.domainId, { providerId: event.target.value || null })
                      }
                    >
                      <option value="">Bitte wählen</option>
                      {(providers.data?.items ?? []).map((provider) => (
                        <option key={provider.id} value={provider.id}>
                          {provider.shortName}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              ) : null}
              <div className="kern-form-input">
                <label className="kern-label" htmlFor={`${id}-prioritaet`}>
                  Priorität ({name})
                </label>
                <div className="kern-form-input__select-wrapper">
                  <select
                    id={`${id}-prioritaet`}
                    className="kern-form-input__select"
                    disabled={!decision}
                    value={decision?.priority ?? 2}
                    onChange={(event) =>
                      update(row.domainId, { priority: Number(event.target.value) })
                    }
                  >
                    {[1, 2, 3].map((priority) => (
                      <option key={priority} value={priority}>
                        {PRIORITY_LABEL[priority]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div
                className={`kern-form-input${errorFor(row.domainId, "targetYear") ? " kern-form-input--error" : ""}`}
              >
                <label className="kern-label" htmlFor={`${id}-jahr`}>
                  Zieljahr ({name})
                </label>
                {errorFor(row.domainId, "targetYear") ? (
                  <FieldErrorMessage
                    id={`${id}-jahr-fehler`}
                    message={errorFor(row.domainId, "targetYear") ?? ""}
                  />
                ) : null}
                <input
                  id={`${id}-jahr`}
                  className="kern-form-input__input"
                  inputMode="numeric"
                  disabled={!decision}
                  value={row.yearText}
                  aria-invalid={errorFor(row.domainId, "targetYear") ? true : undefined}
                  aria-describedby={
                    errorFor(row.domainId, "targetYear") ? `${id}-jahr-fehler` : undefined
                  }
                  onChange={(event) => update(row.domainId, {}, event.target.value)}
                />
              </div>
            </div>
            <div className="kern-form-check">
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={`${id}-vorort`}
                disabled={!decision}
                checked={decision?.vorOrtRequired ?? false}
                onChange={(event) => update(row.domainId, { vorOrtRequired: event.target.checked })}
              />
              <label className="kern-label" htmlFor={`${id}-vorort`}>
                Vor Ort notwendig ({name})
              </label>
            </div>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor={`${id}-begruendung`}>
                Begründung ({name})
              </label>
              <textarea
                id={`${id}-begruendung`}
                className="kern-form-input__input"
                rows={2}
                disabled={!decision}
                value={decision?.rationale ?? ""}
                onChange={(event) =>
                  update(row.domainId, { rationale: event.target.value || null })
                }
              />
            </div>
          </section>
        );
      })}

      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">Entwurf speichern</span>
        </button>
      </div>

      <section aria-labelledby={`${baseId}-beschluss`} className="atlas-survey-section">
        <h2 id={`${baseId}-beschluss`} className="kern-heading-medium">
          Beschließen
        </h2>
        <p className="kern-body">
          Der Entwurf wird mit dem Datum des Ratsbeschlusses als neue Version festgeschrieben.
          Fehler der Konsistenzprüfung verhindern den Beschluss.
        </p>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={`${baseId}-datum`}>
            Datum des Ratsbeschlusses
          </label>
          <input
            id={`${baseId}-datum`}
            type="date"
            className="kern-form-input__input"
            value={decisionDate}
            onChange={(event) => setDecisionDate(event.target.value)}
          />
        </div>
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={!decisionDate || adopt.isPending || decided.length === 0}
          onClick={() => setConfirming(true)}
        >
          <span className="kern-label">Strategie beschließen</span>
        </button>
      </section>
      {confirming ? (
        <ModalDialog title="IT-Strategie beschließen?" onClose={() => setConfirming(false)}>
          <p className="kern-body">
            {decided.length} Entscheidung(en) werden mit dem Ratsbeschluss vom{" "}
            {formatIsoDate(decisionDate)} festgeschrieben.
          </p>
          <div className="atlas-form-actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              onClick={() => {
                setConfirming(false);
                const list = decisions();
                if (list) adopt.mutate({ decisions: list, councilDecisionDate: decisionDate });
              }}
            >
              <span className="kern-label">Jetzt beschließen</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setConfirming(false)}
            >
              <span className="kern-label">Abbrechen</span>
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </form>
  );
}
