import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, ensureOk } from "../../api/client.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";

type Field = "currentPassword" | "newPassword" | "repeat";

const FIELD_LABEL: Record<Field, string> = {
  currentPassword: "Bisheriges Passwort",
  newPassword: "Neues Passwort",
  repeat: "Neues Passwort wiederholen",
};

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

const EMPTY: Record<Field, string> = { currentPassword: "", newPassword: "", repeat: "" };

/**
 * Changes the signed-in person's password (POST /api/me/password). The server checks the
 * current password and the policy (length, not guessable, not the e-mail address or name) and
 * ends the person's other sessions; this session stays.
 */
export function ChangePasswordForm() {
  const prefix = useId();
  const [values, setValues] = useState(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) =>
      ensureOk(await api.POST("/api/me/password", { body })),
  });
  const errorOf = (field: Field) => messageFor(problem?.errors ?? [], field);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const errors: FieldError[] = [];
    if (values.currentPassword === "")
      errors.push({ field: "currentPassword", message: "Bitte das bisherige Passwort angeben." });
    if (values.newPassword.length < 12)
      errors.push({ field: "newPassword", message: "mindestens 12 Zeichen" });
    if (values.repeat !== values.newPassword)
      errors.push({ field: "repeat", message: "stimmt nicht mit dem neuen Passwort überein" });
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setProblem(null);
          setValues(EMPTY);
          setDone(true);
        },
        onError: (error) => setProblem(toFormProblem(error)),
      },
    );
  }

  const input = (field: Field, autoComplete: string, hint?: string) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      hint={hint}
      error={errorOf(field)}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${errorOf(field) ? " kern-form-input__input--error" : ""}`}
          type="password"
          autoComplete={autoComplete}
          maxLength={256}
          value={values[field]}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form className="atlas-token-form" noValidate onSubmit={submit} aria-label="Passwort ändern">
      <div role="status" className="atlas-announcement">
        {done ? (
          <p className="kern-body">
            Ihr Passwort wurde geändert. Ihre anderen Anmeldungen wurden beendet.
          </p>
        ) : null}
      </div>
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail || undefined}
          errors={problem.errors}
          fieldId={(field) => (isField(field) ? `${prefix}-${field}` : undefined)}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
        />
      ) : null}
      {input("currentPassword", "current-password")}
      {input(
        "newPassword",
        "new-password",
        "Mindestens 12 Zeichen, schwer zu erraten – z. B. mehrere seltene Wörter. Nicht Ihre E-Mail-Adresse oder Ihr Name.",
      )}
      {input("repeat", "new-password")}
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={change.isPending}>
          <span className="kern-label">
            {change.isPending ? "Passwort wird geändert …" : "Passwort ändern"}
          </span>
        </button>
      </div>
    </form>
  );
}
