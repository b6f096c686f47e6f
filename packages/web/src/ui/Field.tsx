import { useId, type ReactNode } from "react";

/** Labelled KERN text input. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  type = "search",
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  type?: "search" | "text";
  name?: string;
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        name={name}
        className="kern-form-input__input"
        type={type}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Labelled KERN select; the first option means "all". */
export function SelectField({
  label,
  value,
  onChange,
  allLabel,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  allLabel: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          className="kern-form-input__select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{allLabel}</option>
          {children}
        </select>
      </div>
    </div>
  );
}
