import { z } from "zod";

/** draft → submitted → accepted, or returned (back to the Kommune, editable again). */
export const ResponseStatus = z.enum(["draft", "submitted", "accepted", "returned"]);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

/** German labels of response states. */
export const responseStatusLabel: Record<ResponseStatus, string> = {
  draft: "In Bearbeitung",
  submitted: "Eingereicht",
  accepted: "Angenommen",
  returned: "Zurückgegeben",
};

/**
 * What the progress view shows per Kommune: a draft nobody has saved an answer to yet is
 * „nicht begonnen“; only a saved answer makes it „in Bearbeitung“.
 */
export const ProgressState = z.enum(["not_started", ...ResponseStatus.options]);
export type ProgressState = z.infer<typeof ProgressState>;

/** German labels of progress states. */
export const progressStateLabel: Record<ProgressState, string> = {
  not_started: "Nicht begonnen",
  ...responseStatusLabel,
};

/** The progress state of a response: a draft without any saved answer has not been started. */
export function progressState(status: ResponseStatus, answered: boolean): ProgressState {
  return status === "draft" && !answered ? "not_started" : status;
}

/** Answers by question key; the value's shape depends on the question type. */
export const Answers = z.record(z.string(), z.unknown());
export type Answers = z.infer<typeof Answers>;

/** Whether the Kommune (or token holder) may still change answers. */
export function isEditable(status: ResponseStatus): boolean {
  return status === "draft" || status === "returned";
}
