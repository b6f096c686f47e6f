import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";

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

/** Error alert (KERN) with the server's problem detail and an optional retry. */
export function ErrorState({
  error,
  title = "Fehler beim Laden",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{errorMessage(error)}</p>
        {onRetry ? (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
            <span className="kern-label">Erneut versuchen</span>
          </button>
        ) : null}
      </div>
    </div>
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
