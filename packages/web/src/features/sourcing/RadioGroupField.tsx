import { FieldErrorMessage } from "./FormField.tsx";

/**
 * KERN radio group in a fieldset with legend; the first radio carries `id` so an error
 * summary can link to the group.
 */
export function RadioGroupField<Value extends string>({
  id,
  legend,
  hint,
  error,
  name,
  value,
  options,
  onChange,
  horizontal = false,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  name: string;
  value: Value;
  options: ReadonlyArray<{ value: Value; label: string }>;
  onChange: (value: Value) => void;
  horizontal?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`kern-fieldset${error ? " kern-fieldset--error" : ""}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="kern-label">{legend}</legend>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error && errorId ? <FieldErrorMessage id={errorId} message={error} /> : null}
      <div className={`kern-fieldset__body${horizontal ? " kern-fieldset__body--horizontal" : ""}`}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value || "leer"}`;
          return (
            <div
              key={option.value}
              className={`kern-form-check${error ? " kern-form-check--error" : ""}`}
            >
              <input
                className={`kern-form-check__radio${error ? " kern-form-check__radio--error" : ""}`}
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(option.value)}
              />
              <label className="kern-label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
