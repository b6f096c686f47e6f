import { ApiError } from "../../api/client.ts";
import { errorMessage } from "../../ui/States.tsx";
import type { FieldError } from "./sourcingFormValues.ts";

/** Heading of the error summary when fields need correcting. */
export const CHECK_INPUT = "Bitte prüfen Sie Ihre Angaben";

/** What a form shows of a failed request: HTTP status, German detail and field messages. */
export interface FormProblem {
  status: number | null;
  /** The server's stable machine code (null for network errors and browser checks). */
  code: string | null;
  /** Heading for the summary: the server's German title, except for input errors. */
  title: string;
  detail: string;
  errors: FieldError[];
}

/** Reads the server's problem (RFC 9457) from a mutation error; network errors get a German text. */
export function toFormProblem(error: unknown): FormProblem {
  if (error instanceof ApiError) {
    return {
      status: error.problem.status,
      code: error.problem.code,
      // "Ungültige Eingabe" says less than the form's own request to check the fields.
      title: error.problem.status === 400 ? CHECK_INPUT : error.problem.title,
      detail: error.problem.detail,
      errors: error.problem.errors ?? [],
    };
  }
  return {
    status: null,
    code: null,
    title: "Nicht gespeichert",
    detail: errorMessage(error),
    errors: [],
  };
}

/** The first message for a field; server paths like "target.providerId" match exactly. */
export function messageFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}
