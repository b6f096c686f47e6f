import { useId, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { SingleSignOn } from "./SingleSignOn.tsx";
import { LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";
import { safeReturnPath } from "./safeReturnPath.ts";
import { SecondFactorForm } from "./SecondFactorForm.tsx";
import { SECOND_FACTOR_PAGE } from "./SecondFactorNotice.tsx";
import { useSession, useSignIn } from "./sessionQueries.ts";
import "./auth.css";

type Field = "email" | "password";

const FIELD_LABEL: Record<Field, string> = { email: "E-Mail-Adresse", password: "Passwort" };

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

/**
 * Sign-in with e-mail and password, then – when the account has one – the code of the second
 * factor. Wrong credentials, lockout and rate limit come from the server as German problems
 * and are shown in the error summary; afterwards the person returns to `?zurueck=` (same-site
 * paths only) or the start page. An administrator without a second factor is led to set it up.
 */
export function SignInPage() {
  usePageTitle("Anmelden");
  const prefix = useId();
  const [searchParams] = useSearchParams();
  const back = safeReturnPath(searchParams.get("zurueck"));
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [values, setValues] = useState<Record<Field, string>>({ email: "", password: "" });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [askForCode, setAskForCode] = useState(false);
  const errorOf = (field: Field) => messageFor(problem?.errors ?? [], field);
  const proceed = (setupRequired: boolean) =>
    void navigate(setupRequired ? SECOND_FACTOR_PAGE : back, { replace: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    // Empty fields are caught here: each refused attempt counts towards the server's limit.
    const errors = [
      ...(values.email.trim()
        ? []
        : [{ field: "email", message: "Bitte geben Sie Ihre E-Mail-Adresse ein." }]),
      ...(values.password
        ? []
        : [{ field: "password", message: "Bitte geben Sie Ihr Passwort ein." }]),
    ];
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (result) => {
          if (result.secondFactorRequired) {
            setProblem(null);
            setAskForCode(true);
          } else proceed(result.secondFactorSetupRequired);
        },
        onError: (error) => {
          const next = toFormProblem(error);
          setProblem({
            ...next,
            // Field messages ask for corrections; everything else (wrong password, lockout,
            // too many attempts) means the sign-in did not happen.
            title: next.errors.length > 0 ? CHECK_INPUT : "Anmeldung nicht möglich",
          });
          setValues((current) => ({ ...current, password: "" }));
        },
      },
    );
  }

  const user = session.data?.user;
  return (
    <div className="atlas-narrow">
      <h1 className="kern-heading-large" tabIndex={-1}>
        Anmelden
      </h1>
      {signedOut && !user ? (
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <span className="kern-title">Sie sind abgemeldet.</span>
          </div>
        </div>
      ) : null}
      {session.isPending ? <LoadingState label="Anmeldung wird geprüft …" /> : null}
      {askForCode && !user ? (
        <SecondFactorForm
          onDone={(session) => proceed(session.secondFactorSetupRequired)}
          onRestart={() => {
            setAskForCode(false);
            setValues({ email: values.email, password: "" });
          }}
        />
      ) : null}
      {user && !signIn.isPending && !signIn.isSuccess ? (
        <div className="kern-alert kern-alert--info">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <span className="kern-title">Sie sind bereits angemeldet</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">
              Angemeldet als {user.displayName} ({user.email}).{" "}
              <Link className="kern-link" to={back}>
                {back === "/" ? "Zur Startseite" : "Weiter zur vorherigen Seite"}
              </Link>
            </p>
          </div>
        </div>
      ) : null}
      {!session.isPending && !user && !askForCode ? (
        <>
          <p className="kern-body">
            Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an. Konten vergibt die
            Administration des IT-Atlas per Einladung.
          </p>
          <SingleSignOn back={back} errorCode={searchParams.get("sso-fehler")} />
          <form className="atlas-auth-form" noValidate onSubmit={submit}>
            {problem ? (
              <ErrorSummary
                title={problem.title}
                detail={problem.detail || undefined}
                errors={problem.errors}
                fieldId={(field) => (isField(field) ? `${prefix}-${field}` : undefined)}
                fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
              />
            ) : null}
            <FormField id={`${prefix}-email`} label={FIELD_LABEL.email} error={errorOf("email")}>
              {(control) => (
                <input
                  {...control}
                  className={`kern-form-input__input${errorOf("email") ? " kern-form-input__input--error" : ""}`}
                  type="email"
                  autoComplete="username"
                  spellCheck={false}
                  value={values.email}
                  onChange={(event) => setValues({ ...values, email: event.target.value })}
                />
              )}
            </FormField>
            <FormField
              id={`${prefix}-password`}
              label={FIELD_LABEL.password}
              error={errorOf("password")}
            >
              {(control) => (
                <input
                  {...control}
                  className={`kern-form-input__input${errorOf("password") ? " kern-form-input__input--error" : ""}`}
                  type="password"
                  autoComplete="current-password"
                  value={values.password}
                  onChange={(event) => setValues({ ...values, password: event.target.value })}
                />
              )}
            </FormField>
            <div className="atlas-form-actions">
              <button
                type="submit"
                className="kern-btn kern-btn--primary"
                disabled={signIn.isPending}
              >
                <span className="kern-label">
                  {signIn.isPending ? "Anmeldung läuft …" : "Anmelden"}
                </span>
              </button>
            </div>
          </form>
          <p className="kern-body kern-body--small">
            Passwort vergessen? Die Administration kann Ihnen einen Link zum Zurücksetzen erzeugen.
          </p>
        </>
      ) : null}
    </div>
  );
}
