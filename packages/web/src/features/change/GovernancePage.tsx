import { can } from "@it-atlas/domain";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client.ts";
import { formatInteger, formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { FormField } from "../sourcing/FormField.tsx";
import {
  useGovernanceBodies,
  useGovernanceDecisions,
  useMeasures,
  useRecordDecision,
} from "./changeQueries.ts";
import { useScenarios } from "../scenarios/scenarioQueries.ts";
import "./change.css";

const BODY_KIND_LABEL: Record<string, string> = {
  verbandsversammlung: "Verbandsversammlung",
  lenkungskreis: "Lenkungskreis",
  rat: "Rat",
  kreistag: "Kreistag",
  sonstiges: "Sonstiges Gremium",
};

/** Gremien and their Beschlüsse; KDN records a decision linked to measures and scenarios. */
export function GovernancePage() {
  usePageTitle("Gremien & Beschlüsse");
  const bodies = useGovernanceBodies();
  const decisions = useGovernanceDecisions();
  const { principal } = usePrincipal();
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Gremien & Beschlüsse
      </h1>
      <p className="kern-body">
        Gremien steuern den Veränderungsprozess; ihre Beschlüsse geben Maßnahmen und Szenarien frei.
      </p>
      <section className="atlas-section" aria-labelledby="gremien-titel">
        <h2 className="kern-heading-medium" id="gremien-titel">
          Gremien
        </h2>
        {bodies.isPending ? <LoadingState /> : null}
        {bodies.isError ? <ErrorState error={bodies.error} /> : null}
        {bodies.data ? (
          <table className="kern-table">
            <caption className="atlas-visually-hidden">Gremien</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  Gremium
                </th>
                <th scope="col" className="kern-table__header">
                  Art
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  Beschlüsse
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {bodies.data.items.map((body) => (
                <tr key={body.id} className="kern-table__row">
                  <td className="kern-table__cell">{body.name}</td>
                  <td className="kern-table__cell">{BODY_KIND_LABEL[body.kind] ?? body.kind}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {formatInteger(body.decisionCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {can(principal, "governance:record") ? <RecordDecisionForm /> : null}
      <section className="atlas-section" aria-labelledby="beschluesse-liste-titel">
        <h2 className="kern-heading-medium" id="beschluesse-liste-titel">
          Beschlüsse
        </h2>
        {decisions.isPending ? <LoadingState /> : null}
        {decisions.isError ? (
          <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
        ) : null}
        {decisions.data?.items.length === 0 ? (
          <EmptyState>Noch kein Beschluss erfasst.</EmptyState>
        ) : null}
        {decisions.data && decisions.data.items.length > 0 ? (
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--striped">
              <caption className="atlas-visually-hidden">Beschlüsse, neueste zuerst</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    Datum
                  </th>
                  <th scope="col" className="kern-table__header">
                    Gremium
                  </th>
                  <th scope="col" className="kern-table__header">
                    Beschluss
                  </th>
                  <th scope="col" className="kern-table__header">
                    Dokument
                  </th>
                  <th scope="col" className="kern-table__header">
                    Betroffene Maßnahmen und Szenarien
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {decisions.data.items.map((decision) => (
                  <tr key={decision.id} className="kern-table__row">
                    <td className="kern-table__cell">{formatIsoDate(decision.decidedOn)}</td>
                    <td className="kern-table__cell">{decision.bodyName}</td>
                    <td className="kern-table__cell">
                      <strong>{decision.title}</strong>
                      {decision.text ? <p className="kern-body">{decision.text}</p> : null}
                    </td>
                    <td className="kern-table__cell">{decision.documentReference ?? "–"}</td>
                    <td className="kern-table__cell">
                      {decision.measures.map((measure, index) => (
                        <span key={measure.id}>
                          {index > 0 ? ", " : ""}
                          <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
                            {measure.title}
                          </Link>
                        </span>
                      ))}
                      {decision.scenarioIds.map((scenarioId, index) => (
                        <ScenarioReference
                          key={scenarioId}
                          id={scenarioId}
                          separator={index > 0 || decision.measures.length > 0 ? "; " : ""}
                        />
                      ))}
                      {decision.measures.length === 0 && decision.scenarioIds.length === 0
                        ? "–"
                        : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}

function RecordDecisionForm() {
  const bodies = useGovernanceBodies();
  const measures = useMeasures({ pageSize: 500, sort: "title", direction: "asc" });
  const record = useRecordDecision();
  const [bodyId, setBodyId] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [documentReference, setDocumentReference] = useState("");
  const [scenarioIds, setScenarioIds] = useState("");
  const [measureIds, setMeasureIds] = useState<number[]>([]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState("");
  const serverErrors = Object.fromEntries(
    record.error instanceof ApiError
      ? (record.error.problem.errors ?? []).map((problem) => [problem.field, problem.message])
      : [],
  );
  const errors = { ...serverErrors, ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!bodyId) problems.bodyId = "Bitte ein Gremium wählen.";
    if (!decidedOn) problems.decidedOn = "Bitte das Datum des Beschlusses angeben.";
    if (!title.trim()) problems.title = "Bitte einen Titel eingeben.";
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    record.mutate(
      {
        bodyId: Number(bodyId),
        decidedOn,
        title: title.trim(),
        text: text.trim() || null,
        documentReference: documentReference.trim() || null,
        measureIds,
        scenarioIds: scenarioIds
          .split(/[\s,;]+/)
          .map((id) => id.trim())
          .filter(Boolean),
      },
      {
        onSuccess: (decision) => {
          setNotice(`Beschluss „${decision.title}“ erfasst.`);
          setTitle("");
          setText("");
          setDocumentReference("");
          setScenarioIds("");
          setMeasureIds([]);
        },
      },
    );
  };

  return (
    <section className="atlas-section" aria-labelledby="beschluss-erfassen-titel">
      <h2 className="kern-heading-medium" id="beschluss-erfassen-titel">
        Beschluss erfassen
      </h2>
      <form className="atlas-measure-form" onSubmit={submit} noValidate>
        {record.isError && !(record.error instanceof ApiError && record.error.problem.errors) ? (
          <ErrorState error={record.error} title="Beschluss nicht gespeichert" />
        ) : null}
        <div className="atlas-measure-form__row">
          <FormField id="beschluss-gremium" label="Gremium" error={errors.bodyId}>
            {(control) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  {...control}
                  className="kern-form-input__select"
                  value={bodyId}
                  onChange={(event) => setBodyId(event.target.value)}
                >
                  <option value="">bitte wählen</option>
                  {(bodies.data?.items ?? []).map((body) => (
                    <option key={body.id} value={body.id}>
                      {body.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </FormField>
          <FormField id="beschluss-datum" label="Datum des Beschlusses" error={errors.decidedOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                className="kern-form-input__input"
                value={decidedOn}
                onChange={(event) => setDecidedOn(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField id="beschluss-titel" label="Titel des Beschlusses" error={errors.title}>
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </FormField>
        <FormField id="beschluss-text" label="Beschlusstext" optional>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className="kern-form-input__input"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="beschluss-dokument"
          label="Dokument"
          optional
          hint="Fundstelle, z. B. Niederschrift und Tagesordnungspunkt"
        >
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              value={documentReference}
              onChange={(event) => setDocumentReference(event.target.value)}
            />
          )}
        </FormField>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Betroffene Maßnahmen</legend>
          <div className="atlas-checkbox-list" style={{ maxHeight: "16rem", overflow: "auto" }}>
            {(measures.data?.items ?? []).length === 0 ? (
              <p className="kern-body">Es gibt noch keine Maßnahmen.</p>
            ) : null}
            {(measures.data?.items ?? []).map((measure) => (
              <div className="kern-form-check" key={measure.id}>
                <input
                  id={`beschluss-massnahme-${measure.id}`}
                  className="kern-form-check__input"
                  type="checkbox"
                  checked={measureIds.includes(measure.id)}
                  onChange={(event) =>
                    setMeasureIds((current) =>
                      event.target.checked
                        ? [...current, measure.id]
                        : current.filter((id) => id !== measure.id),
                    )
                  }
                />
                <label className="kern-label" htmlFor={`beschluss-massnahme-${measure.id}`}>
                  {measure.title}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id="beschluss-szenarien"
          label="Betroffene Szenarien"
          optional
          hint="Kennungen, durch Komma getrennt"
        >
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              value={scenarioIds}
              onChange={(event) => setScenarioIds(event.target.value)}
            />
          )}
        </FormField>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={record.isPending}>
            <span className="kern-label">Beschluss speichern</span>
          </button>
        </div>
        <p className="kern-body" role="status">
          {notice}
        </p>
      </form>
    </section>
  );
}

/**
 * A scenario a decision names: its name with a link when it is a stored scenario, else the
 * reference as entered — never a bare internal id where a name is known (issue 16).
 */
function ScenarioReference({ id, separator }: { id: string; separator: string }) {
  const scenarios = useScenarios();
  const scenario = scenarios.data?.find((candidate) => String(candidate.id) === id);
  return (
    <span>
      {separator}
      {scenario ? (
        <Link className="kern-link" to={`/szenarien/${scenario.id}`}>
          Szenario „{scenario.name}“
        </Link>
      ) : (
        `Szenario ${id}`
      )}
    </span>
  );
}
