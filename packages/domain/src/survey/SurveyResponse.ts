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

/** Answers by question key; the value's shape depends on the question type. */
export const Answers = z.record(z.string(), z.unknown());
export type Answers = z.infer<typeof Answers>;

/** Whether the Kommune (or token holder) may still change answers. */
export function isEditable(status: ResponseStatus): boolean {
  return status === "draft" || status === "returned";
}
