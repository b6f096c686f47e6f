import { useEffect, useId, useRef } from "react";
import type { FieldError } from "./sourcingFormValues.ts";
import "./sourcing.css";

/**
 * Error summary at the top of a form (GOV.UK/KERN practice): the server's German detail and
 * one link per field message that moves focus to the field. Takes focus when it appears so
 * keyboard and screen-reader users learn at once that the form was not saved.
 */
export function ErrorSummary({
  title = "Bitte prüfen Sie Ihre Angaben",
  detail,
  errors,
  fieldId,
  fieldLabel,
}: {
  title?: string;
  detail?: string;
  errors: readonly FieldError[];
  fieldId: (field: string) => string | undefined;
  fieldLabel: (field: string) => string | undefined;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [detail, errors]);

  return (
    <div
      ref={ref}
      className="kern-alert kern-alert--danger atlas-error-summary"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h3 id={titleId} className="kern-title">
          {title}
        </h3>
      </div>
      <div className="kern-alert__body">
        {detail ? <p className="kern-body">{detail}</p> : null}
        {errors.length > 0 ? (
          <ul className="kern-list">
            {errors.map((error, index) => {
              const target = fieldId(error.field);
              const label = fieldLabel(error.field);
              const text = label ? `${label}: ${error.message}` : error.message;
              return (
                <li key={`${error.field}-${index}`}>
                  {target ? (
                    <a
                      className="kern-link"
                      href={`#${target}`}
                      onClick={(event) => {
                        event.preventDefault();
                        const element = document.getElementById(target);
                        element?.focus();
                        element?.scrollIntoView?.({ block: "center" });
                      }}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
