import { FormField } from "../sourcing/FormField.tsx";

/** Operators of a display condition, as the designer offers them. */
export type ConditionOperator = "equals" | "not_equals" | "includes" | "answered";

export const CONDITION_OPERATOR_LABEL: Record<ConditionOperator, string> = {
  equals: "ist gleich",
  not_equals: "ist beantwortet, aber nicht",
  includes: "enthält (Mehrfachauswahl)",
  answered: "ist beantwortet",
};

/** The condition as the designer edits it: the key of an earlier question, "" for none. */
export interface DraftCondition {
  conditionKey: string;
  conditionOperator: ConditionOperator;
  conditionValue: string;
}

/** What the condition editor needs to know of an earlier question. */
export interface EarlierQuestion {
  key: string;
  label: string;
  type: string;
  /** Choice options (value and label); empty for other types. */
  options: Array<{ value: string; label: string }>;
}

/**
 * "Nur anzeigen, wenn …": an earlier question, an operator and (unless "ist beantwortet") a
 * value — a choice from the earlier question's options, or a typed value for other types.
 * Conditions may only point backwards, so the list holds only earlier questions.
 */
export function ConditionFields({
  idPrefix,
  draft,
  earlier,
  onChange,
}: {
  idPrefix: string;
  draft: DraftCondition;
  earlier: readonly EarlierQuestion[];
  onChange: (change: Partial<DraftCondition>) => void;
}) {
  const source = earlier.find((question) => question.key === draft.conditionKey);
  const operators = (Object.keys(CONDITION_OPERATOR_LABEL) as ConditionOperator[]).filter(
    (operator) => operator !== "includes" || source?.type === "multiple_choice",
  );
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">Nur anzeigen, wenn … (optional)</legend>
      <div className="kern-fieldset__body atlas-survey-grid">
        <FormField id={`${idPrefix}-bedingung-frage`} label="Frage">
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={draft.conditionKey}
                onChange={(event) =>
                  onChange({
                    conditionKey: event.target.value,
                    conditionOperator: "equals",
                    conditionValue: "",
                  })
                }
              >
                <option value="">immer anzeigen</option>
                {earlier.map((question) => (
                  <option key={question.key} value={question.key}>
                    {question.label || question.key}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        {source ? (
          <FormField id={`${idPrefix}-bedingung-operator`} label="Bedingung">
            {(control) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  {...control}
                  className="kern-form-input__select"
                  value={draft.conditionOperator}
                  onChange={(event) =>
                    onChange({ conditionOperator: event.target.value as ConditionOperator })
                  }
                >
                  {operators.map((operator) => (
                    <option key={operator} value={operator}>
                      {CONDITION_OPERATOR_LABEL[operator]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </FormField>
        ) : null}
        {source && draft.conditionOperator !== "answered" ? (
          <FormField id={`${idPrefix}-bedingung-wert`} label="Wert">
            {(control) =>
              source.options.length > 0 ? (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className="kern-form-input__select"
                    value={draft.conditionValue}
                    onChange={(event) => onChange({ conditionValue: event.target.value })}
                  >
                    <option value="">– bitte wählen –</option>
                    {source.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <input
                  {...control}
                  className="kern-form-input__input"
                  inputMode={
                    source.type === "scale" || source.type === "number" ? "numeric" : "text"
                  }
                  value={draft.conditionValue}
                  onChange={(event) => onChange({ conditionValue: event.target.value })}
                />
              )
            }
          </FormField>
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * The condition in the form the API stores, or null: numbers for scale and number questions
 * (answers compare strictly), text otherwise; "ist beantwortet" needs no value.
 */
export function toCondition(
  draft: DraftCondition,
  earlier: readonly EarlierQuestion[],
): { questionKey: string; operator: ConditionOperator; value: string | number | null } | null {
  if (!draft.conditionKey) return null;
  const source = earlier.find((question) => question.key === draft.conditionKey);
  if (draft.conditionOperator === "answered") {
    return { questionKey: draft.conditionKey, operator: "answered", value: null };
  }
  const numeric = source?.type === "scale" || source?.type === "number";
  const text = draft.conditionValue.trim().replace(",", ".");
  const value =
    numeric && text !== "" && Number.isFinite(Number(text)) ? Number(text) : draft.conditionValue;
  return { questionKey: draft.conditionKey, operator: draft.conditionOperator, value };
}
