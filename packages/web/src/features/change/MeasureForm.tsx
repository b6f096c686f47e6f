import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { useDomains, useProviders } from "../../api/hooks.ts";
import { ErrorState } from "../../ui/States.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { useAssignableUsers, type Measure, type MeasureWrite } from "./changeQueries.ts";
import {
  EXPERT_ROLE_LABEL,
  STATUS_LABEL,
  toMeasureWrite,
  type MeasureFormValues,
} from "./measureFormValues.ts";

/** Field errors of the server's problem, by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    (error.problem.errors ?? []).map((problem) => [problem.field, problem.message]),
  );
}

/** Create or edit form of a measure: fields, scope, owner and team by expert role. */
export function MeasureForm({
  initial,
  saved,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: MeasureFormValues;
  saved?: Measure;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: MeasureWrite) => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [titleMissing, setTitleMissing] = useState(false);
  const users = useAssignableUsers();
  const domains = useDomains();
  const providers = useProviders();
  const errors = fieldErrors(error);
  const set = <Key extends keyof MeasureFormValues>(key: Key, value: MeasureFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) {
      setTitleMissing(true);
      return;
    }
    setTitleMissing(false);
    onSubmit(toMeasureWrite(values, saved));
  };

  const selected = (select: HTMLSelectElement) =>
    [...select.selectedOptions].map((option) => option.value);

  return (
    <form className="atlas-measure-form" onSubmit={submit} noValidate>
      {error && !(error instanceof ApiError && error.problem.errors?.length) ? (
        <ErrorState error={error} title="Speichern nicht möglich" />
      ) : null}
      <FormField
        id="massnahme-titel"
        label="Titel"
        error={titleMissing ? "Bitte einen Titel eingeben." : errors.title}
      >
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            value={values.title}
            onChange={(event) => set("title", event.target.value)}
          />
        )}
      </FormField>
      <FormField id="massnahme-beschreibung" label="Beschreibung" optional>
        {(control) => (
          <textarea
            {...control}
            className="kern-form-input__input"
            rows={3}
            value={values.description}
            onChange={(event) => set("description", event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-measure-form__row">
        <FormField id="massnahme-status" label="Status">
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={values.status}
                onChange={(event) => set("status", event.target.value as Measure["status"])}
              >
                {Object.entries(STATUS_LABEL).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        <FormField id="massnahme-beginn" label="Beginn" optional error={errors.startDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="kern-form-input__input"
              value={values.startDate}
              onChange={(event) => set("startDate", event.target.value)}
            />
          )}
        </FormField>
        <FormField id="massnahme-faellig" label="Fällig am" optional error={errors.dueDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="kern-form-input__input"
              value={values.dueDate}
              onChange={(event) => set("dueDate", event.target.value)}
            />
          )}
        </FormField>
        <FormField id="massnahme-welle" label="Welle" optional error={errors.wave}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              className="kern-form-input__input"
              value={values.wave}
              onChange={(event) => set("wave", event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField id="massnahme-verantwortlich" label="Verantwortlich" optional>
        {(control) => (
          <div className="kern-form-input__select-wrapper">
            <select
              {...control}
              className="kern-form-input__select"
              value={values.ownerUserId}
              onChange={(event) => set("ownerUserId", event.target.value)}
            >
              <option value="">niemand</option>
              {(users.data?.items ?? []).map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </FormField>
      <fieldset className="kern-fieldset">
        <legend className="kern-label">Team nach Expertenrolle</legend>
        {values.team.map((member, index) => (
          <div className="atlas-measure-form__row" key={index}>
            <FormField id={`team-${index}-konto`} label={`Mitglied ${index + 1}`}>
              {(control) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className="kern-form-input__select"
                    value={member.userId}
                    onChange={(event) =>
                      set(
                        "team",
                        values.team.map((item, i) =>
                          i === index ? { ...item, userId: event.target.value } : item,
                        ),
                      )
                    }
                  >
                    <option value="">bitte wählen</option>
                    {(users.data?.items ?? []).map((user) => (
                      <option key={user.id} value={user.id}>
                        {user.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </FormField>
            <FormField id={`team-${index}-rolle`} label={`Rolle von Mitglied ${index + 1}`}>
              {(control) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className="kern-form-input__select"
                    value={member.expertRole}
                    onChange={(event) =>
                      set(
                        "team",
                        values.team.map((item, i) =>
                          i === index
                            ? {
                                ...item,
                                expertRole: event.target
                                  .value as MeasureFormValues["team"][number]["expertRole"],
                              }
                            : item,
                        ),
                      )
                    }
                  >
                    {Object.entries(EXPERT_ROLE_LABEL).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </FormField>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() =>
                set(
                  "team",
                  values.team.filter((_, i) => i !== index),
                )
              }
            >
              <span className="kern-label">Mitglied {index + 1} entfernen</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => set("team", [...values.team, { userId: "", expertRole: "fachexpertin" }])}
        >
          <span className="kern-label">Teammitglied hinzufügen</span>
        </button>
      </fieldset>
      <FormField
        id="massnahme-kommunen"
        label="Kommunen"
        optional
        hint="AGS oder Kreisschlüssel, durch Komma getrennt (z. B. 05766020, 05766008)"
        error={Object.entries(errors).find(([field]) => field.startsWith("kommuneKeys"))?.[1]}
      >
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            value={values.kommuneKeys}
            onChange={(event) => set("kommuneKeys", event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-measure-form__row">
        <FormField
          id="massnahme-leistungsbereiche"
          label="Leistungsbereiche"
          optional
          hint="Mehrfachauswahl mit Strg bzw. Umschalt"
        >
          {(control) => (
            <select
              {...control}
              multiple
              size={6}
              className="kern-form-input__select atlas-multiselect"
              value={values.domainIds}
              onChange={(event) => set("domainIds", selected(event.target))}
            >
              {(domains.data?.items ?? [])
                .filter((domain) => !domain.isGroup)
                .map((domain) => (
                  <option key={domain.id} value={domain.id}>
                    {domain.name}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField
          id="massnahme-dienstleister"
          label="IT-Dienstleister"
          optional
          hint="Mehrfachauswahl mit Strg bzw. Umschalt"
        >
          {(control) => (
            <select
              {...control}
              multiple
              size={6}
              className="kern-form-input__select atlas-multiselect"
              value={values.providerIds}
              onChange={(event) => set("providerIds", selected(event.target))}
            >
              {(providers.data?.items ?? []).map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.shortName}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        id="massnahme-szenario"
        label="Szenario"
        optional
        hint="Kennung des Szenarios, das die Maßnahme umsetzt"
      >
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            value={values.scenarioId}
            onChange={(event) => set("scenarioId", event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-filters__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{busy ? "Wird gespeichert …" : submitLabel}</span>
        </button>
        {onCancel ? (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
            <span className="kern-label">Abbrechen</span>
          </button>
        ) : null}
      </div>
    </form>
  );
}
