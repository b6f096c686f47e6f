import type { Schemas } from "../../api/client.ts";
import { FieldErrorMessage } from "../sourcing/FormField.tsx";

type Provider = Schemas["ProviderSummary"];

/**
 * The giving providers: checkboxes for a merger (several), radios for a rename or a member
 * move (exactly one). The first control carries `id` for the error summary's link.
 */
export function SourceProviderField({
  id,
  providers,
  selected,
  multiple,
  error,
  onChange,
}: {
  id: string;
  providers: readonly Provider[];
  selected: readonly string[];
  multiple: boolean;
  error?: string;
  onChange: (selected: string[]) => void;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const toggle = (providerId: string, checked: boolean) => {
    if (!multiple) onChange([providerId]);
    else if (checked) onChange([...selected, providerId]);
    else onChange(selected.filter((other) => other !== providerId));
  };
  const inactive = selected.filter((providerId) => !providers.some((p) => p.id === providerId));
  return (
    <fieldset
      className={`kern-fieldset${error ? " kern-fieldset--error" : ""}`}
      aria-describedby={[error ? errorId : "", hintId].filter(Boolean).join(" ")}
    >
      <legend className="kern-label">
        {multiple ? "Abgebende Dienstleister" : "Abgebender Dienstleister"}
      </legend>
      <div className="kern-hint" id={hintId}>
        {multiple
          ? "Alle Dienstleister, die in dem aufnehmenden aufgehen. Nur aktive Dienstleister stehen zur Wahl."
          : "Genau ein aktiver Dienstleister."}
      </div>
      {error ? <FieldErrorMessage id={errorId} message={error} /> : null}
      {inactive.length > 0 && providers.length > 0 ? (
        <p className="kern-body">Nicht aktiv und daher nicht wählbar: {inactive.join(", ")}.</p>
      ) : null}
      <div className="kern-fieldset__body atlas-choice-columns">
        {providers.map((provider, index) => {
          const optionId = index === 0 ? id : `${id}-${provider.id}`;
          const kind = multiple ? "checkbox" : "radio";
          return (
            <div
              key={provider.id}
              className={`kern-form-check${error ? " kern-form-check--error" : ""}`}
            >
              <input
                className={`kern-form-check__${kind}${error ? ` kern-form-check__${kind}--error` : ""}`}
                id={optionId}
                type={kind}
                name={`${id}-sources`}
                value={provider.id}
                checked={selected.includes(provider.id)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(provider.id, event.target.checked)}
              />
              <label className="kern-label" htmlFor={optionId}>
                {provider.shortName}
                {provider.shortName !== provider.name ? (
                  <span className="kern-body--small atlas-muted"> – {provider.name}</span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
