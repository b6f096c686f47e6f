import { ResponsibleType } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { useLeistungRule, useSaveLeikaTypeRule } from "./ozgReadinessQueries.ts";
import { kommuneTypeLabel } from "./readinessColouring.ts";

/**
 * Dialog for administrators: which Kommune types a LeiKa-Typ — or, more specific, one
 * OZG-Leistung — makes responsible, and why. A Leistung's own rule can also be removed, so
 * that its LeiKa-Typen apply again (`existing` says whether it has one yet).
 */
export function RuleEditDialog({
  rule,
  existing = true,
  onClose,
}: {
  rule: Schemas["ResponsibilityRule"];
  existing?: boolean;
  onClose: () => void;
}) {
  const prefix = useId();
  const [types, setTypes] = useState<string[]>(rule.responsibleTypes);
  const [basis, setBasis] = useState(rule.basis);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const saveTypeRule = useSaveLeikaTypeRule();
  const leistungRule = useLeistungRule();
  const key = rule.leikaType === "2/3" ? "2-3" : (rule.leikaType ?? "1");
  const ozgId = rule.scope === "leistung" ? rule.ozgId : null;
  const title =
    ozgId === null
      ? `Regel für LeiKa-Typ ${rule.leikaType ?? ""}`
      : `Regel für „${rule.ozgName ?? ozgId}“`;
  const pending =
    saveTypeRule.isPending || leistungRule.save.isPending || leistungRule.remove.isPending;
  const handlers = {
    onSuccess: onClose,
    onError: (error: Error) => setProblem(toFormProblem(error)),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const change = {
      responsibleTypes: types as Schemas["ResponsibilityRuleChangeInput"]["responsibleTypes"],
      basis,
    };
    if (ozgId === null) saveTypeRule.mutate({ leikaType: key, change }, handlers);
    else leistungRule.save.mutate({ ozgId, change }, handlers);
  }

  return (
    <ModalDialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label={`${title} bearbeiten`}>
        {problem ? (
          <ErrorSummary
            title={problem.title}
            detail={problem.detail || undefined}
            errors={problem.errors}
            fieldId={(field) => (field === "basis" ? `${prefix}-basis` : undefined)}
            fieldLabel={(field) => (field === "basis" ? "Begründung" : undefined)}
          />
        ) : null}
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Zuständige Kommunentypen</legend>
          <div className="kern-fieldset__body">
            {ResponsibleType.options.map((type) => (
              <div key={type} className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  type="checkbox"
                  id={`${prefix}-${type}`}
                  checked={types.includes(type)}
                  onChange={(event) =>
                    setTypes(
                      event.target.checked
                        ? [...types, type]
                        : types.filter((item) => item !== type),
                    )
                  }
                />
                <label className="kern-label" htmlFor={`${prefix}-${type}`}>
                  {kommuneTypeLabel(type)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id={`${prefix}-basis`}
          label="Begründung"
          error={messageFor(problem?.errors ?? [], "basis")}
        >
          {(control) => (
            <textarea
              {...control}
              className="kern-form-input__input"
              rows={4}
              value={basis}
              onChange={(event) => setBasis(event.target.value)}
            />
          )}
        </FormField>
        <div className="atlas-form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
            <span className="kern-label">Speichern</span>
          </button>
          {ozgId !== null && existing ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={pending}
              onClick={() => leistungRule.remove.mutate(ozgId, handlers)}
            >
              <span className="kern-label">Eigene Regel entfernen</span>
            </button>
          ) : null}
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
