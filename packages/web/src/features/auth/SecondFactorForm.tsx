import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";
import { useCompleteSecondFactor, type Session } from "./sessionQueries.ts";

const LABEL = "Code aus der Authenticator-App oder Wiederherstellungscode";

/**
 * Second step of a password sign-in (issue 15.5): the six-digit code from the authenticator
 * app, or one of the recovery codes. The server counts wrong codes like wrong passwords.
 */
export function SecondFactorForm({
  onDone,
  onRestart,
}: {
  onDone: (session: Session) => void;
  onRestart: () => void;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const complete = useCompleteSecondFactor();
  const expired = problem?.code === "login_expired";

  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim().length < 6) {
      setProblem({
        status: null,
        code: null,
        title: CHECK_INPUT,
        detail: "",
        errors: [{ field: "code", message: "Bitte geben Sie den sechsstelligen Code ein." }],
      });
      return;
    }
    complete.mutate(code.trim(), {
      onSuccess: onDone,
      onError: (error) => {
        const next = toFormProblem(error);
        setProblem({ ...next, title: "Anmeldung nicht möglich" });
        setCode("");
      },
    });
  }

  return (
    <form className="atlas-auth-form" noValidate onSubmit={submit}>
      <h2 ref={headingRef} tabIndex={-1} className="kern-heading-medium">
        Zwei-Faktor-Anmeldung
      </h2>
      <p className="kern-body">
        Ihr Passwort ist richtig. Geben Sie jetzt den sechsstelligen Code aus Ihrer
        Authenticator-App ein. Ohne Ihr Gerät können Sie einen Ihrer Wiederherstellungscodes
        verwenden; jeder gilt nur einmal.
      </p>
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail || undefined}
          errors={problem.errors}
          fieldId={(field) => (field === "code" ? `${id}-code` : undefined)}
          fieldLabel={(field) => (field === "code" ? LABEL : undefined)}
        />
      ) : null}
      <FormField id={`${id}-code`} label={LABEL} error={messageFor(problem?.errors ?? [], "code")}>
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-form-actions">
        {expired ? null : (
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            disabled={complete.isPending}
          >
            <span className="kern-label">
              {complete.isPending ? "Anmeldung läuft …" : "Bestätigen"}
            </span>
          </button>
        )}
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onRestart}>
          <span className="kern-label">Neu anmelden</span>
        </button>
      </div>
    </form>
  );
}
