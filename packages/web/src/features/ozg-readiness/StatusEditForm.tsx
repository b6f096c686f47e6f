import { adoptionStatusLabel, AdoptionStatus } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { RadioGroupField } from "../sourcing/RadioGroupField.tsx";
import { todayInGermany } from "../sourcing/todayInGermany.ts";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import type { AdoptionChange } from "./ozgReadinessQueries.ts";
import {
  toStatusChange,
  toStatusFormValues,
  WITH_PLANNED_DATE,
  type StatusFormValues,
  type StatusRecord,
} from "./statusFormValues.ts";

type Field = keyof StatusFormValues;

const FIELD_LABEL: Record<Field, string> = {
  status: "Status",
  onlineServiceId: "Onlinedienst / Lösung",
  plannedDate: "Geplant zum",
  informationSource: "Quelle der Angabe",
  informationDate: "Stand der Angabe",
  note: "Bemerkung",
};

const isField = (field: string): field is Field => field in FIELD_LABEL;

/**
 * Form for a Kommune's status of one OZG-Leistung or one base component: status, the online
 * service used, a planned date, and the source and date of the information. The server checks
 * everything; its German messages appear at the fields and in a summary.
 */
export function StatusEditForm({
  subject,
  record,
  currentStatus,
  serviceOptions,
  serviceHint,
  save,
  onSaved,
  onCancel,
}: {
  subject: string;
  record: StatusRecord | null;
  currentStatus: AdoptionStatus;
  serviceOptions: Array<{ id: string; name: string }>;
  serviceHint: string;
  save: {
    mutate: (
      change: AdoptionChange,
      options: { onSuccess: () => void; onError: (error: unknown) => void },
    ) => void;
    isPending: boolean;
  };
  onSaved: () => void;
  onCancel: () => void;
}) {
  const prefix = useId();
  const idOf = (field: string) => (isField(field) ? `${prefix}-${field}` : undefined);
  const [values, setValues] = useState(() =>
    toStatusFormValues(currentStatus, record, todayInGermany()),
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });
  const errors = problem?.errors ?? [];
  const errorOf = (field: Field) => messageFor(errors, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(toStatusChange(values), {
      onSuccess: onSaved,
      onError: (error) => setProblem(toFormProblem(error)),
    });
  }

  const input = (field: Field, type: "text" | "date", hint?: string, optional = false) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      hint={hint}
      error={errorOf(field)}
      optional={optional}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${errorOf(field) ? " kern-form-input__input--error" : ""}`}
          type={type}
          autoComplete="off"
          value={values[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form
      className="atlas-sourcing-form"
      noValidate
      onSubmit={submit}
      aria-label={`Umsetzungsstand ${subject} bearbeiten`}
    >
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail || undefined}
          errors={errors}
          fieldId={idOf}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
        />
      ) : null}
      <RadioGroupField
        id={`${prefix}-status`}
        name={`${prefix}-status`}
        legend={FIELD_LABEL.status}
        error={errorOf("status")}
        value={values.status}
        options={AdoptionStatus.options.map((status) => ({
          value: status,
          label: adoptionStatusLabel[status],
        }))}
        onChange={(status) => setValues({ ...values, status })}
      />
      {values.status !== "nicht_zustaendig" ? (
        <FormField
          id={`${prefix}-onlineServiceId`}
          label={FIELD_LABEL.onlineServiceId}
          hint={serviceHint}
          error={errorOf("onlineServiceId")}
          optional
        >
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className={`kern-form-input__select${errorOf("onlineServiceId") ? " kern-form-input__select--error" : ""}`}
                value={values.onlineServiceId}
                onChange={(event) => set("onlineServiceId")(event.target.value)}
              >
                <option value="">keine Angabe / eigene Lösung</option>
                {serviceOptions.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
      ) : null}
      {WITH_PLANNED_DATE.includes(values.status)
        ? input("plannedDate", "date", undefined, true)
        : null}
      {input(
        "informationSource",
        "text",
        "Woher die Angabe stammt, z. B. „Selbstauskunft“ oder „Abfrage des Kreises“.",
        true,
      )}
      {input("informationDate", "date", "Zu welchem Tag die Angabe gilt.")}
      <FormField id={`${prefix}-note`} label={FIELD_LABEL.note} error={errorOf("note")} optional>
        {(control) => (
          <textarea
            {...control}
            className="kern-form-input__input"
            rows={2}
            maxLength={1000}
            value={values.note}
            onChange={(event) => set("note")(event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{save.isPending ? "Wird gespeichert …" : "Speichern"}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">Abbrechen</span>
        </button>
      </div>
    </form>
  );
}
