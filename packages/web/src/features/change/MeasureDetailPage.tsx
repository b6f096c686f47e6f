import { can } from "@it-atlas/domain";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadFailure, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { formatEuro } from "../sourcing/formatEuro.ts";
import {
  useDeleteMeasure,
  useGovernanceDecisions,
  useMeasure,
  useMeasures,
  useMilestones,
  useSetDependencies,
  useUpdateMeasure,
  type Measure,
} from "./changeQueries.ts";
import { CommentSection } from "./CommentSection.tsx";
import { ScheduleBadges, StatusText } from "./MeasureBadges.tsx";
import { MeasureForm } from "./MeasureForm.tsx";
import { EXPERT_ROLE_LABEL, toFormValues } from "./measureFormValues.ts";
import "./change.css";

/** One measure: details, editing, milestones, dependencies, decisions and comments. */
export function MeasureDetailPage() {
  const id = Number(useParams().id);
  const measure = useMeasure(id);
  usePageTitle(measure.data?.title ?? "Maßnahme");
  if (measure.isPending) return <LoadingState label="Maßnahme wird geladen …" />;
  if (measure.isError) {
    return (
      <LoadFailure
        error={measure.error}
        what="Maßnahme"
        back={{ to: "/massnahmen", label: "Zur Liste der Maßnahmen" }}
        onRetry={() => void measure.refetch()}
      />
    );
  }
  return <MeasureDetail measure={measure.data} />;
}

function MeasureDetail({ measure }: { measure: Measure }) {
  const { principal } = usePrincipal();
  const editable = can(principal, "measures:edit");
  const [editing, setEditing] = useState(false);
  const update = useUpdateMeasure(measure.id);
  const remove = useDeleteMeasure(measure.id);
  const navigate = useNavigate();
  const [notice, setNotice] = useState("");

  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to="/massnahmen">
          Zurück zu den Maßnahmen
        </Link>
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {measure.title}
      </h1>
      <p className="kern-body">
        <StatusText status={measure.status} />
        <ScheduleBadges measure={measure} />
      </p>
      <p className="kern-body" role="status">
        {notice}
      </p>
      {editing ? (
        <section className="atlas-section" aria-labelledby="bearbeiten-titel">
          <h2 className="kern-heading-medium" id="bearbeiten-titel">
            Maßnahme bearbeiten
          </h2>
          <MeasureForm
            initial={toFormValues(measure)}
            saved={measure}
            submitLabel="Änderungen speichern"
            busy={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: () => {
                  setEditing(false);
                  setNotice("Änderungen gespeichert.");
                },
              })
            }
          />
        </section>
      ) : (
        <>
          <dl className="atlas-details">
            <dt>Beschreibung</dt>
            <dd>{measure.description ?? "–"}</dd>
            <dt>Zeitraum</dt>
            <dd>
              {formatIsoDate(measure.startDate)} bis {formatIsoDate(measure.dueDate)}
            </dd>
            <dt>Welle</dt>
            <dd>{measure.wave ?? "–"}</dd>
            <dt>Verantwortlich</dt>
            <dd>{measure.owner?.name ?? "–"}</dd>
            <dt>Team</dt>
            <dd>
              {measure.team.length === 0
                ? "–"
                : measure.team
                    .map((member) => `${member.name} (${EXPERT_ROLE_LABEL[member.expertRole]})`)
                    .join(", ")}
            </dd>
            <dt>Leistungsbereiche</dt>
            <dd>{measure.domains.map((domain) => domain.name).join(", ") || "–"}</dd>
            <dt>IT-Dienstleister</dt>
            <dd>{measure.providers.map((provider) => provider.name).join(", ") || "–"}</dd>
            <dt>Kommunen</dt>
            <dd>
              {measure.kommunen.length === 0
                ? "–"
                : measure.kommunen.map((kommune, index) => (
                    <span key={kommune.key}>
                      {index > 0 ? ", " : ""}
                      <Link className="kern-link" to={`/kommunen/${kommune.key}`}>
                        {kommune.name}
                      </Link>
                    </span>
                  ))}
            </dd>
            <dt>Szenario</dt>
            <dd>{measure.scenarioId ?? "–"}</dd>
            <dt>Einmalkosten</dt>
            <dd>
              {measure.oneOffCost === null
                ? "–"
                : `${formatEuro(measure.oneOffCost)} (aus dem Szenario, Demodaten (synthetisch))`}
            </dd>
            <dt>Zuletzt geändert</dt>
            <dd>{measure.updatedBy}</dd>
          </dl>
          {editable ? (
            <div className="atlas-filters__actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => setEditing(true)}
              >
                <span className="kern-label">Bearbeiten</span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Maßnahme „${measure.title}“ wirklich löschen?`)) {
                    remove.mutate(undefined, { onSuccess: () => void navigate("/massnahmen") });
                  }
                }}
              >
                <span className="kern-label">Löschen</span>
              </button>
            </div>
          ) : null}
          {remove.isError ? (
            <ErrorState error={remove.error} title="Löschen nicht möglich" />
          ) : null}
        </>
      )}
      <MilestoneSection measure={measure} editable={editable} />
      <DependencySection measure={measure} editable={editable} />
      <DecisionSection measureId={measure.id} />
      <CommentSection target={{ targetType: "measure", targetId: String(measure.id) }} />
    </>
  );
}

function MilestoneSection({ measure, editable }: { measure: Measure; editable: boolean }) {
  const { add, toggle, remove } = useMilestones(measure.id);
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  return (
    <section className="atlas-section" aria-labelledby="meilensteine-titel">
      <h2 className="kern-heading-medium" id="meilensteine-titel">
        Meilensteine
      </h2>
      {measure.milestones.length === 0 ? (
        <EmptyState>Noch keine Meilensteine.</EmptyState>
      ) : (
        <table className="kern-table">
          <caption className="atlas-visually-hidden">Meilensteine der Maßnahme</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Meilenstein
              </th>
              <th scope="col" className="kern-table__header">
                Fällig
              </th>
              <th scope="col" className="kern-table__header">
                Erreicht
              </th>
              {editable ? (
                <th scope="col" className="kern-table__header">
                  Aktion
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {measure.milestones.map((milestone) => (
              <tr key={milestone.id} className="kern-table__row">
                <td className="kern-table__cell">{milestone.title}</td>
                <td className="kern-table__cell">{formatIsoDate(milestone.dueDate)}</td>
                <td className="kern-table__cell">
                  {editable ? (
                    <div className="kern-form-check">
                      <input
                        id={`meilenstein-${milestone.id}`}
                        className="kern-form-check__input"
                        type="checkbox"
                        checked={milestone.done}
                        disabled={toggle.isPending}
                        onChange={() => toggle.mutate(milestone)}
                      />
                      <label className="kern-label" htmlFor={`meilenstein-${milestone.id}`}>
                        {milestone.title} erreicht
                      </label>
                    </div>
                  ) : milestone.done ? (
                    "ja"
                  ) : (
                    "nein"
                  )}
                </td>
                {editable ? (
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      onClick={() => remove.mutate(milestone.id)}
                    >
                      <span className="kern-label">{milestone.title} löschen</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <form
          className="atlas-measure-form__row"
          onSubmit={(event) => {
            event.preventDefault();
            if (!title.trim() || !dueDate) return;
            add.mutate(
              { title: title.trim(), dueDate },
              {
                onSuccess: () => {
                  setTitle("");
                  setDueDate("");
                },
              },
            );
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="meilenstein-titel">
              Neuer Meilenstein
            </label>
            <input
              id="meilenstein-titel"
              className="kern-form-input__input"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="meilenstein-faellig">
              Fällig am (Meilenstein)
            </label>
            <input
              id="meilenstein-faellig"
              type="date"
              className="kern-form-input__input"
              value={dueDate}
              onChange={(event) => setDueDate(event.target.value)}
            />
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={add.isPending}>
            <span className="kern-label">Meilenstein hinzufügen</span>
          </button>
        </form>
      ) : null}
      {add.isError ? <ErrorState error={add.error} title="Meilenstein nicht gespeichert" /> : null}
    </section>
  );
}

function DependencySection({ measure, editable }: { measure: Measure; editable: boolean }) {
  const others = useMeasures({ pageSize: 500, sort: "title", direction: "asc" });
  const save = useSetDependencies(measure.id);
  const [selection, setSelection] = useState<string[] | undefined>(undefined);
  const current = measure.dependsOn.map((dependency) => String(dependency.id));
  const chosen = selection ?? current;
  return (
    <section className="atlas-section" aria-labelledby="abhaengigkeiten-titel">
      <h2 className="kern-heading-medium" id="abhaengigkeiten-titel">
        Abhängigkeiten
      </h2>
      {measure.dependsOn.length === 0 ? (
        <p className="kern-body">Diese Maßnahme hängt von keiner anderen ab.</p>
      ) : (
        <ul>
          {measure.dependsOn.map((dependency) => (
            <li key={dependency.id}>
              <Link className="kern-link" to={`/massnahmen/${dependency.id}`}>
                {dependency.title}
              </Link>{" "}
              (<StatusText status={dependency.status} />)
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(chosen.map(Number), { onSuccess: () => setSelection(undefined) });
          }}
        >
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="abhaengig-von">
              Hängt ab von
            </label>
            <div className="kern-hint" id="abhaengig-von-hinweis">
              Maßnahmen, die vorher erledigt sein müssen (Mehrfachauswahl mit Strg bzw. Umschalt).
              Ein Zirkelbezug (die Maßnahme hinge über andere wieder von sich selbst ab) wird
              abgelehnt.
            </div>
            <select
              id="abhaengig-von"
              multiple
              size={6}
              aria-describedby="abhaengig-von-hinweis"
              className="kern-form-input__select atlas-multiselect"
              value={chosen}
              onChange={(event) =>
                setSelection([...event.target.selectedOptions].map((option) => option.value))
              }
            >
              {(others.data?.items ?? [])
                .filter((other) => other.id !== measure.id)
                .map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.title}
                  </option>
                ))}
            </select>
          </div>
          {save.isError ? (
            <ErrorState error={save.error} title="Abhängigkeiten nicht gespeichert" />
          ) : null}
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={save.isPending}>
            <span className="kern-label">Abhängigkeiten speichern</span>
          </button>
        </form>
      ) : null}
    </section>
  );
}

function DecisionSection({ measureId }: { measureId: number }) {
  const decisions = useGovernanceDecisions(measureId);
  return (
    <section className="atlas-section" aria-labelledby="beschluesse-titel">
      <h2 className="kern-heading-medium" id="beschluesse-titel">
        Beschlüsse
      </h2>
      {decisions.isPending ? <LoadingState /> : null}
      {decisions.isError ? <ErrorState error={decisions.error} /> : null}
      {decisions.data?.items.length === 0 ? (
        <p className="kern-body">
          Kein Gremium hat zu dieser Maßnahme beschlossen.{" "}
          <Link className="kern-link" to="/gremien">
            Gremien & Beschlüsse
          </Link>
        </p>
      ) : null}
      {decisions.data && decisions.data.items.length > 0 ? (
        <ul>
          {decisions.data.items.map((decision) => (
            <li key={decision.id}>
              {formatIsoDate(decision.decidedOn)} · {decision.bodyName}: {decision.title}
              {decision.documentReference ? ` (${decision.documentReference})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
