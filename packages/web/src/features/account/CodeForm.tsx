import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";

type Field = "currentPassword" | "code";

/**
 * A small form for a code of the second factor, optionally with the current password; German
 * problems of the server are shown in the error summary.
 */
export function CodeForm({
  codeLabel,
  submitLabel,
  withPassword = false,
  pending,
  onSubmit,
  children,
}: {
  codeLabel: string;
  submitLabel: string;
  withPassword?: boolean;
  pending: boolean;
  onSubmit: (
    values: { currentPassword: string; code: string },
    failed: (error: unknown) => void,
  ) => void;
  children?: ReactNode;
}) {
  const prefix = useId();
  const [values, setValues] = useState({ currentPassword: "", code: "" });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const labels: Record<Field, string> = { currentPassword: "Bisheriges Passwort", code: codeLabel };
  const isField = (field: string): field is Field => field in labels;
  const errorOf = (field: Field) => messageFor(problem?.errors ?? [], field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = [
      ...(withPassword && values.currentPassword === ""
        ? [{ field: "currentPassword", message: "Bitte das bisherige Passwort angeben." }]
        : []),
      ...(values.code.trim().length < 6
        ? [{ field: "code", message: "Bitte den sechsstelligen Code angeben." }]
        : []),
    ];
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    setProblem(null);
    onSubmit({ currentPassword: values.currentPassword, code: values.code.trim() }, (error) => {
      setProblem(toFormProblem(error));
      setValues({ currentPassword: "", code: "" });
    });
  }

  return (
    <form className="atlas-auth-form" noValidate onSubmit={submit}>
      {children}
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail || undefined}
          errors={problem.errors}
          fieldId={(field) => (isField(field) ? `${prefix}-${field}` : undefined)}
          fieldLabel={(field) => (isField(field) ? labels[field] : undefined)}
        />
      ) : null}
      {withPassword ? (
        <FormField
          id={`${prefix}-currentPassword`}
          label={labels.currentPassword}
          error={errorOf("currentPassword")}
        >
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              type="password"
              autoComplete="current-password"
              value={values.currentPassword}
              onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
            />
          )}
        </FormField>
      ) : null}
      <FormField id={`${prefix}-code`} label={codeLabel} error={errorOf("code")}>
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            type="text"
            autoComplete="one-time-code"
            spellCheck={false}
            value={values.code}
            onChange={(event) => setValues({ ...values, code: event.target.value })}
          />
        )}
      </FormField>
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">{pending ? "Wird geprüft …" : submitLabel}</span>
        </button>
      </div>
    </form>
  );
}
