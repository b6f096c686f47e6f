import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { api, unwrap } from "../../api/client.ts";
import { FormField } from "../sourcing/FormField.tsx";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { questionnaireKey, type QuestionnaireSource } from "./surveyQueries.ts";

/**
 * Who answers a section: shows the colleague a section is delegated to, and lets the
 * Kommune's signed-in team delegate it (or change the delegate). Delegation records a name
 * for the team's overview; a colleague without an account answers through a personal link.
 */
export function SectionDelegation({
  source,
  section,
  sectionName,
  delegate,
  mayDelegate,
}: {
  source: QuestionnaireSource;
  /** Domain id of the section; "" for the general questions. */
  section: string;
  sectionName: string;
  delegate: string | null;
  mayDelegate: boolean;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(delegate ?? "");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useMutation({
    mutationFn: async (value: string) => {
      if (source.kind !== "signedIn") throw new Error("Nur das angemeldete Team delegiert.");
      return unwrap(
        await api.PUT("/api/campaigns/{id}/responses/{ags}/delegations", {
          params: { path: { id: source.campaignId, ags: source.ags } },
          body: { section, delegate: value },
        }),
      );
    },
    onSuccess: () => {
      setOpen(false);
      setProblem(null);
      return queryClient.invalidateQueries({ queryKey: questionnaireKey(source) });
    },
    onError: (error) => setProblem(toFormProblem(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(name.trim());
  }

  return (
    <div className="atlas-delegation">
      {delegate ? (
        <p className="kern-body kern-body--small">
          Delegiert an: <strong>{delegate}</strong>
        </p>
      ) : null}
      {mayDelegate && !open ? (
        <button
          type="button"
          className="kern-btn kern-btn--tertiary kern-btn--small"
          onClick={() => setOpen(true)}
        >
          <span className="kern-label">
            {delegate ? "Delegation ändern" : "Abschnitt delegieren"}
            <span className="kern-sr-only"> ({sectionName})</span>
          </span>
        </button>
      ) : null}
      {open ? (
        <form
          noValidate
          onSubmit={submit}
          aria-label={`Abschnitt „${sectionName}“ delegieren`}
          className="atlas-inline-form"
        >
          <FormField
            id={`${id}-delegate`}
            label="Kollegin oder Kollege"
            hint="Name oder E-Mail-Adresse, z. B. Fachexpertin Einwohnerwesen"
            error={
              messageFor(problem?.errors ?? [], "delegate") ??
              (problem && problem.errors.length === 0 ? problem.detail : undefined)
            }
          >
            {(control) => (
              <input
                {...control}
                className="kern-form-input__input"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </FormField>
          <div className="atlas-form-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
              <span className="kern-label">Delegieren</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setOpen(false)}
            >
              <span className="kern-label">Abbrechen</span>
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
