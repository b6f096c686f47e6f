import type { ReactNode } from "react";
import { FieldErrorMessage, FormField } from "../sourcing/FormField.tsx";
import { RadioGroupField } from "../sourcing/RadioGroupField.tsx";
import type { Question } from "./surveyQueries.ts";

/** Id of a question's (first) control, the target of error-summary links. */
export const questionFieldId = (key: string) => `frage-${key}`;

const SCALE = [1, 2, 3, 4, 5].map((value) => ({
  value: String(value),
  label: value === 1 ? "1 – sehr unzufrieden" : value === 5 ? "5 – sehr zufrieden" : String(value),
}));

/** A scalar as text; other values (never expected) as JSON rather than "[object Object]". */
function plain(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : JSON.stringify(value);
}

/** A shown answer value in German (for read-only views and the prefill note). */
export function describeAnswer(
  question: Question,
  value: unknown,
  domainName: (id: string) => string = (id) => id,
): string {
  if (value === null || value === undefined || value === "") return "keine Angabe";
  const option = (key: unknown) =>
    "options" in question
      ? (question.options.find((candidate) => candidate.value === key)?.label ?? plain(key))
      : plain(key);
  switch (question.type) {
    case "single_choice":
      return option(value);
    case "multiple_choice":
      return Array.isArray(value) ? value.map(option).join(", ") : plain(value);
    case "number":
      return `${typeof value === "number" ? value.toLocaleString("de-DE") : plain(value)} ${question.unit}`;
    case "amount":
      return typeof value === "number"
        ? value.toLocaleString("de-DE", { style: "currency", currency: "EUR" })
        : plain(value);
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? value.split("-").reverse().join(".")
        : plain(value);
    case "matrix":
      return typeof value === "object"
        ? Object.entries(value as Record<string, unknown>)
            .map(([row, cell]) => `${domainName(row)}: ${option(cell)}`)
            .join("; ")
        : plain(value);
    default:
      return plain(value);
  }
}

/**
 * The control of one question by its type. `text` is what is typed into number and amount
 * fields (kept as typed, German notation); `error` is the server's or the form's message.
 */
export function QuestionField({
  question,
  value,
  text,
  error,
  disabled,
  hint,
  domainName,
  onChange,
  onText,
  onTextBlur,
}: {
  question: Question;
  value: unknown;
  text: string;
  error?: string | undefined;
  disabled: boolean;
  hint?: string | undefined;
  domainName: (id: string) => string;
  onChange: (value: unknown) => void;
  onText: (text: string) => void;
  onTextBlur?: () => void;
}) {
  const id = questionFieldId(question.key);
  const label = question.required ? `${question.label} (Pflichtfrage)` : question.label;
  const helpText = [question.help, hint].filter(Boolean).join(" ") || undefined;
  const help = helpText;
  switch (question.type) {
    case "single_choice":
    case "scale": {
      const options =
        question.type === "scale"
          ? SCALE
          : question.options.map((option) => ({ value: option.value, label: option.label }));
      return (
        <fieldset disabled={disabled} className="atlas-survey-question">
          <RadioGroupField
            id={id}
            name={id}
            legend={label}
            hint={helpText}
            error={error}
            value={value === null || value === undefined ? "" : plain(value)}
            options={options}
            horizontal={question.type === "scale"}
            onChange={(next) => onChange(question.type === "scale" ? Number(next) : next)}
          />
        </fieldset>
      );
    }
    case "multiple_choice": {
      const selected = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Group id={id} legend={label} help={help} error={error} disabled={disabled}>
          {question.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  type="checkbox"
                  id={optionId}
                  checked={selected.includes(option.value)}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...selected, option.value]
                        : selected.filter((item) => item !== option.value),
                    )
                  }
                />
                <label className="kern-label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </Group>
      );
    }
    case "matrix": {
      const cells = (typeof value === "object" && value !== null ? value : {}) as Record<
        string,
        string
      >;
      return (
        <Group id={id} legend={label} help={help} error={error} disabled={disabled}>
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption className="kern-sr-only">{question.label}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    Leistungsbereich
                  </th>
                  {question.options.map((option) => (
                    <th key={option.value} scope="col" className="kern-table__header">
                      {option.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {question.rows.map((row, rowIndex) => (
                  <tr key={row} className="kern-table__row">
                    <th scope="row" className="kern-table__header">
                      {domainName(row)}
                    </th>
                    {question.options.map((option, optionIndex) => (
                      <td key={option.value} className="kern-table__cell">
                        <input
                          className="kern-form-check__radio"
                          type="radio"
                          id={rowIndex === 0 && optionIndex === 0 ? id : undefined}
                          name={`${id}-${row}`}
                          aria-label={`${domainName(row)}: ${option.label}`}
                          checked={cells[row] === option.value}
                          onChange={() => onChange({ ...cells, [row]: option.value })}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Group>
      );
    }
    default:
      return (
        <FormField id={id} label={label} hint={help} error={error} optional={false}>
          {(control) => {
            if (question.type === "text") {
              return (
                <textarea
                  {...control}
                  className="kern-form-input__input"
                  rows={question.maxLength > 300 ? 4 : 2}
                  maxLength={question.maxLength}
                  disabled={disabled}
                  value={typeof value === "string" ? value : ""}
                  onChange={(event) =>
                    onChange(event.target.value === "" ? null : event.target.value)
                  }
                />
              );
            }
            if (question.type === "date") {
              return (
                <input
                  {...control}
                  className="kern-form-input__input"
                  type="date"
                  disabled={disabled}
                  value={typeof value === "string" ? value : ""}
                  onChange={(event) => onChange(event.target.value || null)}
                />
              );
            }
            return (
              <div className="atlas-survey-unit">
                <input
                  {...control}
                  className="kern-form-input__input"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  disabled={disabled}
                  value={text}
                  onChange={(event) => onText(event.target.value)}
                  onBlur={onTextBlur}
                />
                <span aria-hidden="true">{question.type === "number" ? question.unit : "€"}</span>
                <span className="kern-sr-only">
                  {question.type === "number" ? `in ${question.unit}` : "in Euro"}
                </span>
              </div>
            );
          }}
        </FormField>
      );
  }
}

function Group({
  id,
  legend,
  help,
  error,
  disabled,
  children,
}: {
  id: string;
  legend: string;
  help: ReactNode;
  error?: string | undefined;
  disabled: boolean;
  children: ReactNode;
}) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = help ? `${id}-hint` : undefined;
  return (
    <fieldset
      disabled={disabled}
      className={`kern-fieldset atlas-survey-question${error ? " kern-fieldset--error" : ""}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="kern-label">{legend}</legend>
      {help ? (
        <div className="kern-hint" id={hintId}>
          {help}
        </div>
      ) : null}
      {error && errorId ? <FieldErrorMessage id={errorId} message={error} /> : null}
      <div className="kern-fieldset__body">{children}</div>
    </fieldset>
  );
}
