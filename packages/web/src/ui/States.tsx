import type { ReactNode } from "react";
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
  const code = error instanceof ApiError ? error.problem.code : undefined;
  if (code === "unauthenticated") {
    return (
      <Alert tone="info" title="Anmeldung erforderlich">
        <p className="kern-body">{errorMessage(error)}</p>
        <p className="kern-body">
          <SignInLink />
        </p>
      </Alert>
    );
  }
  if (code === "forbidden") {
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
