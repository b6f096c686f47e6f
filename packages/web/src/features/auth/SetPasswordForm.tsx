import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";
import { useSetPasswordWithLink, type PasswordLinkKind } from "./passwordLinkQueries.ts";
import "./auth.css";

type Field = "displayName" | "password" | "passwordRepeat";

const FIELD_LABEL: Record<Field, string> = {
  displayName: "Ihr Name",
  password: "Neues Passwort",
  passwordRepeat: "Passwort wiederholen",
};

// Mirrors the server's policy (server/src/auth/passwords.ts, MIN_PASSWORD_LENGTH); the server
// still decides and its message is shown at the field.
const PASSWORD_HINT =
  "Mindestens 12 Zeichen. Ein langer Satz aus mehreren Wörtern ist sicherer und leichter zu merken als ein kurzes Kunstwort.";

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

function InvalidLink({ detail }: { detail: string }) {
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">Der Link funktioniert nicht</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{detail}</p>
        <p className="kern-body">
          Bitten Sie die Administration des IT-Atlas um einen neuen Link. Links zum Zurücksetzen
          gelten 24 Stunden, Einladungen sieben Tage; jeder Link lässt sich nur einmal benutzen.
        </p>
      </div>
    </div>
  );
}

/**
 * Sets a password with a token link (invitation or reset): the two entries must match
 * (checked here), the policy is the server's (its message appears at the field), and an
 * unknown, used or expired link is reported as an alert instead of the form.
 */
export function SetPasswordForm({
  kind,
  token,
  submitLabel,
}: {
  kind: PasswordLinkKind;
  token: string | null;
  submitLabel: string;
}) {
  const prefix = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: "",
    password: "",
    passwordRepeat: "",
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [invalidLink, setInvalidLink] = useState<string | null>(null);
  const save = useSetPasswordWithLink(kind);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (save.isSuccess) doneRef.current?.focus();
  }, [save.isSuccess]);

  if (!token || token.length < 10) {
    return (
      <InvalidLink detail="Der Link ist unvollständig. Bitte öffnen Sie den vollständigen Link aus Ihrer Nachricht – am besten durch Kopieren und Einfügen in die Adresszeile." />
    );
  }
  if (invalidLink) return <InvalidLink detail={invalidLink} />;
  if (save.isSuccess) {
    return (
      <div className="kern-alert kern-alert--success">
        <div className="kern-alert__header">
          <span className="kern-icon kern-icon--success" aria-hidden="true" />
          <h2 ref={doneRef} tabIndex={-1} className="kern-title atlas-auth-result">
            {kind === "invitation" ? "Einladung angenommen" : "Passwort geändert"}
          </h2>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">
            Ihr Passwort ist gespeichert. Sie können sich jetzt mit Ihrer E-Mail-Adresse und dem
            neuen Passwort anmelden.{" "}
            <Link className="kern-link" to="/anmelden">
              Zur Anmeldung
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const errorOf = (field: Field) => messageFor(problem?.errors ?? [], field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldError[] = [];
    if (!values.password) {
      errors.push({ field: "password", message: "Bitte geben Sie ein Passwort ein." });
    } else if (values.password !== values.passwordRepeat) {
      errors.push({
        field: "passwordRepeat",
        message: "Die beiden Passwörter stimmen nicht überein. Bitte geben Sie es erneut ein.",
      });
    }
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    const displayName = values.displayName.trim();
    save.mutate(
      {
        token: token ?? "",
        password: values.password,
        ...(kind === "invitation" && displayName ? { displayName } : {}),
      },
      {
        onError: (error) => {
          const next = toFormProblem(error);
          if (
            next.code === "invalid_link" ||
            next.errors.some((entry) => entry.field === "token")
          ) {
            setInvalidLink(
              next.errors.find((entry) => entry.field === "token")?.message ?? next.detail,
            );
            return;
          }
          setProblem(next);
        },
      },
    );
  }

  const input = (
    field: Field,
    options: { type: "text" | "password"; autoComplete: string; hint?: string; optional?: boolean },
  ) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      hint={options.hint}
      error={errorOf(field)}
      optional={options.optional}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${errorOf(field) ? " kern-form-input__input--error" : ""}`}
          type={options.type}
          autoComplete={options.autoComplete}
          value={values[field]}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form className="atlas-auth-form" noValidate onSubmit={submit}>
      {problem ? (
        <ErrorSummary
          title={problem.errors.length > 0 ? CHECK_INPUT : problem.title}
          detail={problem.detail || undefined}
          errors={problem.errors}
          fieldId={(field) => (isField(field) ? `${prefix}-${field}` : undefined)}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
        />
      ) : null}
      {kind === "invitation"
        ? input("displayName", {
            type: "text",
            autoComplete: "name",
            optional: true,
            hint: "So erscheinen Sie im Atlas und im Prüfprotokoll. Leer lassen, um den Namen aus der Einladung zu behalten.",
          })
        : null}
      {input("password", { type: "password", autoComplete: "new-password", hint: PASSWORD_HINT })}
      {input("passwordRepeat", { type: "password", autoComplete: "new-password" })}
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{save.isPending ? "Wird gespeichert …" : submitLabel}</span>
        </button>
      </div>
    </form>
  );
}
