import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type CopyState = "idle" | "copied" | "selected";

/**
 * A secret the server shows only once (API token, invitation or reset link): highlighted,
 * read-only for easy selection, with a copy button and the warning that it will not be shown
 * again. The heading takes focus so screen-reader users land on it.
 */
export function OneTimeSecret({
  title,
  label,
  value,
  children,
  onDone,
  doneLabel = "Gesichert – Hinweis schließen",
}: {
  title: string;
  label: string;
  value: string;
  /** What the secret is for; the warning about showing it once is added here. */
  children?: ReactNode;
  onDone?: () => void;
  doneLabel?: string;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  useEffect(() => {
    headingRef.current?.focus();
    setCopy("idle");
  }, [value]);

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      // No clipboard outside HTTPS/localhost or when the browser refuses: select the text
      // so Strg+C copies it.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopy("selected");
    }
  }

  return (
    <div className="kern-alert kern-alert--warning atlas-secret">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <h2 ref={headingRef} tabIndex={-1} className="kern-title atlas-secret__title">
          {title}
        </h2>
      </div>
      <div className="kern-alert__body">
        {children}
        <p className="kern-body kern-body--bold">
          Dies wird nur dieses eine Mal angezeigt. Bitte kopieren Sie es jetzt und bewahren Sie es
          sicher auf – danach ist es nicht mehr abrufbar.
        </p>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={id}>
            {label}
          </label>
          <div className="atlas-secret__row">
            <input
              ref={inputRef}
              id={id}
              className="kern-form-input__input atlas-secret__value"
              type="text"
              readOnly
              spellCheck={false}
              autoComplete="off"
              value={value}
              onFocus={(event) => event.target.select()}
            />
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              onClick={() => void copyValue()}
            >
              <span className="kern-icon kern-icon--content-copy" aria-hidden="true" />
              <span className="kern-label">Kopieren</span>
            </button>
          </div>
        </div>
        <p className="kern-body kern-body--small" role="status">
          {copy === "copied" ? "In die Zwischenablage kopiert." : null}
          {copy === "selected"
            ? "Kopieren war nicht möglich. Der Text ist markiert – bitte mit Strg+C kopieren."
            : null}
        </p>
        {onDone ? (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onDone}>
            <span className="kern-label">{doneLabel}</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
