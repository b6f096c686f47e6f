import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import { toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import type { Answers } from "./surveyQueries.ts";

/** What the autosave status line says. */
export type AutosaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date; rejected: number }
  | { kind: "failed"; problem: FormProblem };

const TIME = new Intl.DateTimeFormat("de-DE", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "Europe/Berlin",
});

/** The German status text of the autosave ("Entwurf gespeichert um 14:32:05"). */
export function autosaveText(state: AutosaveState): string {
  switch (state.kind) {
    case "idle":
      return "Ihre Antworten werden automatisch als Entwurf gespeichert.";
    case "pending":
      return "Ungespeicherte Änderungen …";
    case "saving":
      return "Entwurf wird gespeichert …";
    case "saved":
      return `Entwurf gespeichert um ${TIME.format(state.at)}${
        state.rejected > 0
          ? ` – ${state.rejected === 1 ? "eine Antwort wurde" : `${state.rejected} Antworten wurden`} nicht gespeichert, bitte prüfen`
          : ""
      }.`;
    case "failed":
      return `Entwurf nicht gespeichert: ${state.problem.detail}`;
  }
}

/**
 * Debounced autosave of changed answers. Only changed keys are sent; when the server refuses
 * some values (invalid_answers), their messages are kept as field errors and the other values
 * are saved at once. Saves run one after another so a slow request cannot overwrite a newer one.
 */
export function useAutosave(save: (answers: Answers) => Promise<unknown>, delay = 800) {
  const pending = useRef<Answers>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  saveRef.current = save;
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<FieldError[]>([]);

  const run = useCallback(async () => {
    const batch = pending.current;
    pending.current = {};
    if (Object.keys(batch).length === 0) return;
    setState({ kind: "saving" });
    try {
      await saveRef.current(batch);
      setState({ kind: "saved", at: new Date(), rejected: 0 });
    } catch (error) {
      const problem = toFormProblem(error);
      const bad = new Set(problem.errors.map((item) => item.field));
      if (problem.code === "invalid_answers" && bad.size > 0) {
        setErrors((current) => [
          ...current.filter((item) => !bad.has(item.field)),
          ...problem.errors,
        ]);
        const rest = Object.fromEntries(Object.entries(batch).filter(([key]) => !bad.has(key)));
        try {
          if (Object.keys(rest).length > 0) await saveRef.current(rest);
          setState({ kind: "saved", at: new Date(), rejected: bad.size });
        } catch (retryError) {
          pending.current = { ...rest, ...pending.current };
          setState({ kind: "failed", problem: toFormProblem(retryError) });
        }
        return;
      }
      // Keep the values for the next attempt (newer changes win).
      pending.current = { ...batch, ...pending.current };
      setState({ kind: "failed", problem });
    }
  }, []);

  /** Saves whatever is pending now and waits for it (before submitting). */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(run);
    return chain.current;
  }, [run]);

  /** Records a changed answer (null removes it) and schedules a save. */
  const change = useCallback(
    (key: string, value: unknown) => {
      pending.current[key] = value;
      setErrors((current) => current.filter((item) => item.field !== key));
      setState({ kind: "pending" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  // Leaving the page: send what is still pending (best effort, nobody waits for it).
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (Object.keys(pending.current).length > 0)
        void saveRef.current(pending.current).catch(() => {});
    },
    [],
  );

  return { state, errors, setErrors, change, flush };
}
