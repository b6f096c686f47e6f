import { useId, useState } from "react";
import "./sourcing.css";

// Browsers report partly typed dates as "" and early keystrokes as years like 0002; only a
// plausible full date is worth a reload.
function isPlausibleDay(value: string): boolean {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2200;
}

/** Labelled date input for the Stichtag; the page reloads its data for the chosen day. */
export function StichtagField({
  value,
  onChange,
  hint = "Zeigt den Stand, der an diesem Tag galt oder gelten wird.",
}: {
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // Follow changes from outside (back button, links) without losing what is being typed.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        Stichtag
      </label>
      <div className="kern-hint" id={`${id}-hint`}>
        {hint}
      </div>
      <input
        id={id}
        className="kern-form-input__input atlas-date-input"
        type="date"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          if (isPlausibleDay(event.target.value)) onChange(event.target.value);
        }}
      />
    </div>
  );
}
