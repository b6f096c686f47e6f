import { useId, useState, type FormEvent } from "react";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";
import { useCreateApiToken } from "./tokenQueries.ts";

type Field = "name" | "expiresInDays";

const FIELD_LABEL: Record<Field, string> = {
  name: "Name des Tokens",
  expiresInDays: "Gültigkeit in Tagen",
};

// The server's bounds (accountRoutes.ts: 1 to 730 days).
const MAX_DAYS = 730;

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

/** A created token: the listed fields plus the secret, shown once. */
export interface CreatedToken {
  name: string;
  token: string;
  expiresAt: string | null;
}

/** Form to create an API token; hands the one-time secret to the page. */
export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const prefix = useId();
  const [values, setValues] = useState<Record<Field, string>>({ name: "", expiresInDays: "365" });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateApiToken();
  const errorOf = (field: Field) => messageFor(problem?.errors ?? [], field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = Number(values.expiresInDays.trim());
    const errors: FieldError[] = [];
    if (!/^\d+$/.test(values.expiresInDays.trim()) || days < 1 || days > MAX_DAYS) {
      errors.push({
        field: "expiresInDays",
        message: `Bitte eine ganze Zahl von 1 bis ${MAX_DAYS} angeben.`,
      });
    }
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    create.mutate(
      { name: values.name.trim(), expiresInDays: days },
      {
        onSuccess: (created) => {
          setProblem(null);
          setValues({ name: "", expiresInDays: "365" });
          onCreated(created);
        },
        onError: (error) => setProblem(toFormProblem(error)),
      },
    );
  }

  return (
    <form className="atlas-token-form" noValidate onSubmit={submit} aria-label="API-Token anlegen">
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail || undefined}
          errors={problem.errors}
          fieldId={(field) => (isField(field) ? `${prefix}-${field}` : undefined)}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
        />
      ) : null}
      <FormField
        id={`${prefix}-name`}
        label={FIELD_LABEL.name}
        hint="Wofür Sie das Token benutzen, z. B. „Import Fachverfahren“ – so erkennen Sie es später wieder."
        error={errorOf("name")}
      >
        {(control) => (
          <input
            {...control}
            className={`kern-form-input__input${errorOf("name") ? " kern-form-input__input--error" : ""}`}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.target.value })}
          />
        )}
      </FormField>
      <FormField
        id={`${prefix}-expiresInDays`}
        label={FIELD_LABEL.expiresInDays}
        hint={`1 bis ${MAX_DAYS} Tage. Danach wird das Token ungültig.`}
        error={errorOf("expiresInDays")}
      >
        {(control) => (
          <input
            {...control}
            className={`kern-form-input__input atlas-days-input${errorOf("expiresInDays") ? " kern-form-input__input--error" : ""}`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.expiresInDays}
            onChange={(event) => setValues({ ...values, expiresInDays: event.target.value })}
          />
        )}
      </FormField>
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={create.isPending}>
          <span className="kern-label">
            {create.isPending ? "Token wird angelegt …" : "Token anlegen"}
          </span>
        </button>
      </div>
    </form>
  );
}
