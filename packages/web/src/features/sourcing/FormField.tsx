import type { ReactNode } from "react";

/** Attributes that tie a control to its label, hint and error message. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * KERN form field with label, optional hint and an error message between hint and control
 * (GOV.UK order), so screen readers hear the error with the control via aria-describedby.
 * The control itself is rendered by `children` with the attributes it needs.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  optional = false,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ");
  return (
    <div className={`kern-form-input${error ? " kern-form-input--error" : ""}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> – optional</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? <FieldErrorMessage id={errorId ?? ""} message={error} /> : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
    </div>
  );
}

/** Error text of one field (KERN `kern-error`), prefixed "Fehler:" for screen readers. */
export function FieldErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">
        <span className="kern-sr-only">Fehler: </span>
        {message}
      </span>
    </p>
  );
}
