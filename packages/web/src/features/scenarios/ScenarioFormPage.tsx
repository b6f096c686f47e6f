import { providerPolicyLabel, scenarioModeLabel, type ProviderPolicy } from "@it-atlas/domain";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useNavigate, useParams } from "react-router";
import { useDomains, useProviders } from "../../api/hooks.ts";
import { ErrorState, LoadingState, errorMessage } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { CostCurvesSection } from "./CostCurvesSection.tsx";
import {
  emptyFormState,
  presetFormState,
  scenarioFormState,
  toCurveRows,
  toSaveInput,
  type ScenarioFormState,
} from "./scenarioForm.ts";
import { useSaveScenario, useScenario, useScenarioDefaults } from "./scenarioQueries.ts";
import "./scenarios.css";

function Input({
  label,
  hint,
  value,
  onChange,
  type = "text",
  inputMode,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date";
  inputMode?: "decimal" | "numeric";
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        className="kern-form-input__input"
        type={type}
        inputMode={inputMode}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="kern-form-check">
      <input
        id={id}
        className="kern-form-check__checkbox"
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/**
 * Project capacity per provider: how many Kommune × Leistungsbereich migrations it can take in
 * a year. One number input per provider in a table; empty means no limit.
 */
function ProjectCapacityTable({
  providers,
  loading,
  values,
  onChange,
}: {
  providers: ReadonlyArray<{ id: string; shortName: string; status: string }>;
  loading: boolean;
  values: Record<string, string>;
  onChange: (providerId: string, value: string) => void;
}) {
  const id = useId();
  // Merged or renamed providers take in nothing; keep them only when a limit is already set.
  const shown = providers.filter(
    (provider) =>
      (provider.status !== "merged" && provider.status !== "renamed") ||
      (values[provider.id] ?? "") !== "",
  );
  return (
    <div className="atlas-scenario-capacity">
      <p className="kern-body" id={`${id}-hint`}>
        Projektkapazität: höchstens so viele Wechsel (Kommune × Leistungsbereich) kann ein Anbieter
        je Jahr als neuer Anbieter aufnehmen; über den Planungszeitraum das Vielfache. Leer = ohne
        Grenze.
      </p>
      {loading ? <LoadingState label="Anbieter werden geladen …" /> : null}
      <table className="kern-table" aria-describedby={`${id}-hint`}>
        <caption className="kern-title">Projektkapazität je Anbieter</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Anbieter
            </th>
            <th scope="col" className="kern-table__header">
              Wechsel je Jahr
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {shown.map((provider) => (
            <tr key={provider.id} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {provider.shortName}
              </th>
              <td className="kern-table__cell">
                <input
                  className="kern-form-input__input"
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  aria-label={`Projektkapazität ${provider.shortName} (Wechsel je Jahr)`}
                  value={values[provider.id] ?? ""}
                  onChange={(event) => onChange(provider.id, event.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Create ("/szenarien/neu") or edit ("/szenarien/:id/bearbeiten") a scenario. */
export function ScenarioFormPage() {
  const { id } = useParams();
  const scenarioId = id === undefined ? undefined : Number(id);
  if (scenarioId === undefined) return <ScenarioForm initial={undefined} />;
  return <EditScenario id={scenarioId} />;
}

function EditScenario({ id }: { id: number }) {
  const scenario = useScenario(id);
  if (scenario.isPending) return <LoadingState label="Szenario wird geladen …" />;
  if (scenario.isError) return <ErrorState error={scenario.error} />;
  return <ScenarioForm initial={{ id, state: scenarioFormState(scenario.data) }} />;
}

function ScenarioForm({
  initial,
}: {
  initial: { id: number; state: ScenarioFormState } | undefined;
}) {
  const title = initial ? "Szenario bearbeiten" : "Neues Szenario";
  usePageTitle(title);
  const navigate = useNavigate();
  const domains = useDomains();
  const save = useSaveScenario(initial?.id);
  const [state, setState] = useState<ScenarioFormState>(
    () => initial?.state ?? emptyFormState(new Date().toISOString().slice(0, 10)),
  );
  const [errors, setErrors] = useState<string[]>([]);
  // Cost curves fitted on the landscape: the defaults of a new scenario, and on request.
  const defaults = useScenarioDefaults();
  const curvesEdited = useRef(false);
  // A failed prefill stays quiet (the offer prices apply); a failed click is reported.
  const [curvesRequested, setCurvesRequested] = useState(false);
  const takeOverCurves = (baseDate: string, onlyIfUntouched: boolean) =>
    defaults.mutate(baseDate, {
      onSuccess: (answer) => {
        if (onlyIfUntouched && curvesEdited.current) return;
        setState((current) => ({
          ...current,
          costCurves: toCurveRows(answer.definition.costs.costCurves),
        }));
      },
    });
  const isNew = initial === undefined;
  const prefilled = useRef(false);
  useEffect(() => {
    if (!isNew || prefilled.current) return;
    prefilled.current = true;
    takeOverCurves(state.baseDate, true);
    // Once, when a new scenario is opened; the button takes them over again later.
  }, [isNew]);
  const set = <Key extends keyof ScenarioFormState>(key: Key, value: ScenarioFormState[Key]) =>
    setState((current) => ({ ...current, [key]: value }));
  const toggle = (key: "domainIds" | "coupled", domainId: string, on: boolean) =>
    setState((current) => ({
      ...current,
      [key]: on
        ? [...new Set([...current[key], domainId])]
        : current[key].filter((other) => other !== domainId),
    }));
  const leafDomains = (domains.data?.items ?? []).filter((domain) => !domain.isGroup);
  const providers = useProviders();
  const setAssignment = (index: number, patch: Partial<ScenarioFormState["assignments"][number]>) =>
    setState((current) => ({
      ...current,
      assignments: current.assignments.map((entry, position) =>
        position === index ? { ...entry, ...patch } : entry,
      ),
    }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const built = toSaveInput(state);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors([]);
    try {
      const saved = await save.mutateAsync(built.input);
      void navigate(`/szenarien/${saved.id}`);
    } catch (error) {
      setErrors([errorMessage(error)]);
    }
  };

  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {title}
      </h1>
      {errors.length > 0 ? (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <span className="kern-title">Bitte prüfen</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div className="atlas-scenario-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => setState((current) => presetFormState(current))}
        >
          <span className="kern-label">Vorlage „Spezialisierung Einwohnerwesen“ übernehmen</span>
        </button>
      </div>
      <form className="atlas-scenario-form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Grunddaten</legend>
          <Input label="Name" value={state.name} onChange={(value) => set("name", value)} />
          <Input
            label="Beschreibung"
            value={state.description}
            onChange={(value) => set("description", value)}
          />
          <Input
            label="Stichtag"
            type="date"
            hint="Die Landkarte an diesem Tag ist das Ist."
            value={state.baseDate}
            onChange={(value) => set("baseDate", value)}
          />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="scenario-mode">
              Art des Szenarios
            </label>
            <select
              id="scenario-mode"
              className="kern-form-input__select"
              value={state.mode}
              onChange={(event) => set("mode", event.target.value as ScenarioFormState["mode"])}
            >
              {(["optimised", "manual"] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {scenarioModeLabel[mode]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Umfang</legend>
          <Check
            label="Alle Leistungsbereiche"
            checked={state.allDomains}
            onChange={(checked) => set("allDomains", checked)}
          />
          {domains.isPending ? <LoadingState label="Leistungsbereiche werden geladen …" /> : null}
          {!state.allDomains ? (
            <div className="atlas-scenario-domains" role="group" aria-label="Leistungsbereiche">
              {leafDomains.map((domain) => (
                <Check
                  key={domain.id}
                  label={domain.name}
                  checked={state.domainIds.includes(domain.id)}
                  onChange={(checked) => toggle("domainIds", domain.id, checked)}
                />
              ))}
            </div>
          ) : null}
          <Input
            label="Kommunen (Schlüssel)"
            hint="Leer lassen für alle Kommunen; sonst AGS oder Kreisschlüssel (mit seinen Gemeinden) mit Komma getrennt."
            value={state.kommuneKeys}
            onChange={(value) => set("kommuneKeys", value)}
          />
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Kostenparameter</legend>
          <Input
            label="Planungszeitraum (Jahre)"
            inputMode="numeric"
            value={state.horizonYears}
            onChange={(value) => set("horizonYears", value)}
          />
          <Input
            label="Zinssatz (%)"
            inputMode="decimal"
            value={state.discountRate}
            onChange={(value) => set("discountRate", value)}
          />
          <Input
            label="Fixe Kosten je Wechsel (€)"
            inputMode="decimal"
            value={state.migrationFixed}
            onChange={(value) => set("migrationFixed", value)}
          />
          <Input
            label="Wechselkosten je Mengeneinheit (€)"
            inputMode="decimal"
            value={state.migrationPerUnit}
            onChange={(value) => set("migrationPerUnit", value)}
          />
          <Input
            label="Skalenfaktor"
            hint="Grenzpreis zusätzlicher Menge als Anteil des Einheitspreises (1 = kein Skaleneffekt, 0,8 = 20 % günstiger)."
            inputMode="decimal"
            value={state.scaleFactor}
            onChange={(value) => set("scaleFactor", value)}
          />
          <CostCurvesSection
            rows={state.costCurves}
            domainName={(domainId) =>
              leafDomains.find((domain) => domain.id === domainId)?.name ?? domainId
            }
            onChange={(rows) => {
              curvesEdited.current = true;
              set("costCurves", rows);
            }}
            onTakeOver={() => {
              curvesEdited.current = true;
              setCurvesRequested(true);
              takeOverCurves(state.baseDate, false);
            }}
            takingOver={defaults.isPending}
            takeOverError={curvesRequested ? defaults.error : null}
            confidentialHidden={defaults.data?.confidentialHidden ?? false}
          />
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Vorgaben</legend>
          <Check
            label="„Vor Ort notwendig“ aus beschlossenen IT-Strategien einhalten"
            checked={state.keepVorOrtLocal}
            onChange={(checked) => set("keepVorOrtLocal", checked)}
          />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="scenario-policy">
              Zugelassene Anbieter je Kommune
            </label>
            <select
              id="scenario-policy"
              className="kern-form-input__select"
              value={state.providerPolicy}
              onChange={(event) => set("providerPolicy", event.target.value as ProviderPolicy)}
            >
              {(["kdn", "zweckverband", "list"] as const).map((policy) => (
                <option key={policy} value={policy}>
                  {providerPolicyLabel[policy]}
                </option>
              ))}
            </select>
          </div>
          <Input
            label="Höchstens Wechsel je Jahr"
            hint="Leer = ohne Grenze."
            inputMode="numeric"
            value={state.maxMigrationsPerYear}
            onChange={(value) => set("maxMigrationsPerYear", value)}
          />
          <Input
            label="Höchstens Wechsel insgesamt"
            hint="Leer = ohne Grenze."
            inputMode="numeric"
            value={state.maxMigrationsTotal}
            onChange={(value) => set("maxMigrationsTotal", value)}
          />
          <Input
            label="Höchstens Anbieter je Leistungsbereich (landesweit)"
            hint="Gilt für die gewählten (bei „alle“: die gekoppelten) Bereiche. Leer = ohne Grenze."
            inputMode="numeric"
            value={state.maxProviders}
            onChange={(value) => set("maxProviders", value)}
          />
          <ProjectCapacityTable
            providers={providers.data?.items ?? []}
            loading={providers.isPending}
            values={state.projectCapacity}
            onChange={(providerId, value) =>
              setState((current) => ({
                ...current,
                projectCapacity: { ...current.projectCapacity, [providerId]: value },
              }))
            }
          />
          <div role="group" aria-label="Gekoppelte Leistungsbereiche (vom selben Anbieter)">
            <p className="kern-body">
              Gekoppelte Leistungsbereiche (je Kommune vom selben Anbieter):
            </p>
            <div className="atlas-scenario-domains">
              {leafDomains.map((domain) => (
                <Check
                  key={domain.id}
                  label={`${domain.name} gekoppelt`}
                  checked={state.coupled.includes(domain.id)}
                  onChange={(checked) => toggle("coupled", domain.id, checked)}
                />
              ))}
            </div>
          </div>
        </fieldset>
        {state.mode === "manual" ? (
          <fieldset className="kern-fieldset">
            <legend className="kern-label">Zuordnungen von Hand</legend>
            <p className="kern-body">
              Nicht genannte Kommunen und Leistungsbereiche behalten ihren heutigen Anbieter.
            </p>
            {state.assignments.map((entry, index) => (
              <div key={index} role="group" aria-label={`Zuordnung ${index + 1}`}>
                <Input
                  label={`Kommune (AGS) – Zuordnung ${index + 1}`}
                  value={entry.kommuneKey}
                  onChange={(value) => setAssignment(index, { kommuneKey: value })}
                />
                <div className="kern-form-input">
                  <label className="kern-label" htmlFor={`assignment-domain-${index}`}>
                    Leistungsbereich – Zuordnung {index + 1}
                  </label>
                  <select
                    id={`assignment-domain-${index}`}
                    className="kern-form-input__select"
                    value={entry.domainId}
                    onChange={(event) => setAssignment(index, { domainId: event.target.value })}
                  >
                    {leafDomains.map((domain) => (
                      <option key={domain.id} value={domain.id}>
                        {domain.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="kern-form-input">
                  <label className="kern-label" htmlFor={`assignment-provider-${index}`}>
                    Anbieter – Zuordnung {index + 1}
                  </label>
                  <select
                    id={`assignment-provider-${index}`}
                    className="kern-form-input__select"
                    value={entry.providerId}
                    onChange={(event) => setAssignment(index, { providerId: event.target.value })}
                  >
                    <option value="">eigener Betrieb</option>
                    {(providers.data?.items ?? []).map((provider) => (
                      <option key={provider.id} value={provider.id}>
                        {provider.shortName}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() =>
                    setState((current) => ({
                      ...current,
                      assignments: current.assignments.filter((_, position) => position !== index),
                    }))
                  }
                >
                  <span className="kern-label">Zuordnung {index + 1} entfernen</span>
                </button>
              </div>
            ))}
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() =>
                setState((current) => ({
                  ...current,
                  assignments: [
                    ...current.assignments,
                    { kommuneKey: "", domainId: leafDomains[0]?.id ?? "", providerId: "" },
                  ],
                }))
              }
            >
              <span className="kern-label">Zuordnung hinzufügen</span>
            </button>
          </fieldset>
        ) : null}
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">Speichern</span>
        </button>
      </form>
    </>
  );
}
