import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client.ts";
import { SignInLink } from "./SignInLink.tsx";

/** Loading indicator with a German text for screen readers. */
export function LoadingState({ label = "Daten werden geladen …" }: { label?: string }) {
  return (
    <div className="atlas-loading" role="status" aria-live="polite">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** German message for any error a query can raise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail;
  if (error instanceof TypeError) {
    return "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und laden Sie die Seite neu.";
  }
  return "Es ist ein unerwarteter Fehler aufgetreten.";
}

function Alert({
  tone,
  title,
  children,
}: {
  tone: "danger" | "warning" | "info";
  title: string;
  children: ReactNode;
}) {
  return (
    <div className={`kern-alert kern-alert--${tone}`} role="alert">
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body">{children}</div>
    </div>
  );
}

/** Why a request failed, as far as the page's wording depends on it. */
export type FailureKind = "sign_in" | "forbidden" | "not_found" | "other";

/**
 * The kind of a failure by HTTP status: a 401 means "sign in", never "not found" — a page must
 * not tell a visitor that something is missing when the server only asked for a sign-in.
 */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return "other";
  const { status, code } = error.problem;
  if (status === 401 || code === "unauthenticated") return "sign_in";
  if (status === 403 || code === "forbidden") return "forbidden";
  if (status === 404) return "not_found";
  return "other";
}

/** Heading (and page title) of a detail page whose subject could not be loaded. */
export function failureHeading(error: unknown, what: string): string {
  switch (failureKind(error)) {
    case "sign_in":
      return "Anmeldung erforderlich";
    case "forbidden":
      return "Keine Berechtigung";
    case "not_found":
      return `${what} nicht gefunden`;
    default:
      return `${what} konnte nicht geladen werden`;
  }
}

/**
 * What a detail page shows when its subject could not be loaded: a heading that names the
 * real reason (sign-in, rights, missing, failure), the server's German detail with the sign-in
 * link where it applies, and a way back. The one place that words these states for all
 * detail pages.
 */
export function LoadFailure({
  error,
  what,
  back,
  onRetry,
}: {
  error: unknown;
  /** The subject in German, e.g. "Leistungsbereich". */
  what: string;
  back?: { to: string; label: string };
  onRetry?: () => void;
}) {
  const kind = failureKind(error);
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {failureHeading(error, what)}
      </h1>
      <ErrorState
        error={error}
        title={`${what} konnte nicht geladen werden`}
        onRetry={kind === "other" ? onRetry : undefined}
      />
      {back ? (
        <p className="kern-body">
          <Link className="kern-link" to={back.to}>
            {back.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/**
 * Error alert (KERN) with the server's problem detail and an optional retry. Missing sign-in
 * and missing rights are no failures to retry: the first offers the sign-in page (and comes
 * back here), the second says what the server said.
 */
export function ErrorState({
  error,
  title = "Fehler beim Laden",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const kind = failureKind(error);
  if (kind === "sign_in") {
    return (
      <Alert tone="info" title="Anmeldung erforderlich">
        <p className="kern-body">{errorMessage(error)}</p>
        <p className="kern-body">
          <SignInLink />
        </p>
      </Alert>
    );
  }
  if (kind === "forbidden") {
    return (
      <Alert tone="warning" title="Keine Berechtigung">
        <p className="kern-body">{errorMessage(error)}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="danger" title={title}>
      <p className="kern-body">{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
          <span className="kern-label">Erneut versuchen</span>
        </button>
      ) : null}
    </Alert>
  );
}

/** Shown when a list or search has no results. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="kern-alert kern-alert--info" role="status">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">Keine Einträge</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{children}</p>
      </div>
    </div>
  );
}
