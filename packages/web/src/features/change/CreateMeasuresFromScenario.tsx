import { can } from "@it-atlas/domain";
import { useId, useState } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { formatInteger } from "../../ui/format.ts";
import { ErrorState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useMeasuresFromMigrations } from "./changeQueries.ts";

/**
 * "Maßnahmen anlegen" for a compared scenario: one measure per migration wave, grouped by
 * target provider and Leistungsbereich. For the scenario page; renders nothing for people
 * who may not edit measures or when the plan has no migrations.
 */
export function CreateMeasuresFromScenario({
  scenarioId,
  migrations,
  providerMigrationsPerYear = [],
  couplings = [],
  horizonYears = null,
  defaultStartYear = new Date().getFullYear() + 1,
}: {
  scenarioId: string;
  migrations: ReadonlyArray<Schemas["PlannedMigrationInputInput"]>;
  /** Project capacity of target providers (from the scenario); waves keep it per year. */
  providerMigrationsPerYear?: ReadonlyArray<{ providerId: string; migrationsPerYear: number }>;
  /** Coupled domains of the scenario: a Kommune's coupled switches go into one measure. */
  couplings?: ReadonlyArray<{ domainIds: string[] }>;
  /** The scenario's horizon: the answer says when waves run past it, and why. */
  horizonYears?: number | null;
  defaultStartYear?: number;
}) {
  const { principal } = usePrincipal();
  const create = useMeasuresFromMigrations();
  const [startYear, setStartYear] = useState(String(defaultStartYear));
  const [perYear, setPerYear] = useState("50");
  const id = useId();
  if (!can(principal, "measures:edit") || migrations.length === 0) return null;
  const year = Number(startYear);
  const max = Number(perYear);
  const valid =
    Number.isInteger(year) && year >= 2020 && year <= 2060 && Number.isInteger(max) && max >= 1;
  return (
    <section className="atlas-section" aria-labelledby={`${id}-titel`}>
      <h2 className="kern-heading-medium" id={`${id}-titel`}>
        Maßnahmen aus diesem Szenario anlegen
      </h2>
      <p className="kern-body">
        {formatInteger(migrations.length)} Wechsel werden zu Maßnahmen: eine je Welle
        (Kalenderjahr), Ziel-Dienstleister und Leistungsbereich; gekoppelte Leistungsbereiche einer
        Kommune wechseln in einer Maßnahme und derselben Welle.
        {providerMigrationsPerYear.length > 0
          ? " Die Projektkapazität der Anbieter aus dem Szenario begrenzt ihre Wechsel je Jahr."
          : null}
      </p>
      <form
        className="atlas-measure-form__row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          create.mutate({
            scenarioId,
            migrations: [...migrations],
            startYear: year,
            maxMigrationsPerYear: max,
            // A limit of 0 means the provider takes in nothing; the plan then has no migration to it.
            providerMigrationsPerYear: providerMigrationsPerYear.filter(
              (entry) => entry.migrationsPerYear >= 1,
            ),
            couplings: couplings.map((coupling) => ({ domainIds: [...coupling.domainIds] })),
            horizonYears,
          });
        }}
      >
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={`${id}-jahr`}>
            Jahr der ersten Welle
          </label>
          <input
            id={`${id}-jahr`}
            className="kern-form-input__input"
            inputMode="numeric"
            value={startYear}
            onChange={(event) => setStartYear(event.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={`${id}-max`}>
            Höchstens Wechsel je Jahr
          </label>
          <input
            id={`${id}-max`}
            className="kern-form-input__input"
            inputMode="numeric"
            value={perYear}
            onChange={(event) => setPerYear(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="kern-btn kern-btn--primary"
          disabled={!valid || create.isPending}
        >
          <span className="kern-label">Maßnahmen anlegen</span>
        </button>
      </form>
      {create.isError ? <ErrorState error={create.error} title="Maßnahmen nicht angelegt" /> : null}
      <div role="status">
        {create.data ? (
          <>
            <p className="kern-body">
              {formatInteger(create.data.items.length)} Maßnahmen angelegt.{" "}
              <Link
                className="kern-link"
                to={`/roadmap?scenario=${encodeURIComponent(scenarioId)}`}
              >
                Auf der Roadmap ansehen
              </Link>
            </p>
            {create.data.notes.map((note) => (
              <p key={note} className="kern-body">
                <strong>Hinweis:</strong> {note}
              </p>
            ))}
            <ul>
              {create.data.items.map((measure) => (
                <li key={measure.id}>
                  <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
                    {measure.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
