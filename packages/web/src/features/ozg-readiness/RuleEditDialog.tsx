import { ResponsibleType } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { useSaveLeikaTypeRule } from "./ozgReadinessQueries.ts";
import { kommuneTypeLabel } from "./readinessColouring.ts";

/** Dialog for administrators: which Kommune types a LeiKa-Typ makes responsible, and why. */
export function RuleEditDialog({
  rule,
  onClose,
}: {
  rule: Schemas["ResponsibilityRule"];
  onClose: () => void;
}) {
  const prefix = useId();
  const [types, setTypes] = useState<string[]>(rule.responsibleTypes);
  const [basis, setBasis] = useState(rule.basis);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useSaveLeikaTypeRule();
  const key = rule.leikaType === "2/3" ? "2-3" : (rule.leikaType ?? "1");

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        leikaType: key,
        change: {
          responsibleTypes: types as Schemas["ResponsibilityRuleChangeInput"]["responsibleTypes"],
          basis,
        },
      },
      { onSuccess: onClose, onError: (error) => setProblem(toFormProblem(error)) },
    );
  }

  return (
    <ModalDialog title={`Regel für LeiKa-Typ ${rule.leikaType ?? ""}`} onClose={onClose}>
      <form
        onSubmit={submit}
        noValidate
        aria-label={`Regel für LeiKa-Typ ${rule.leikaType ?? ""} bearbeiten`}
      >
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
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">Speichern</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
