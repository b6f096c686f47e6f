import type { Schemas } from "../../api/client.ts";

/** Body of a preview or an application of a reorganisation. */
export type ReorganisationRequest = Schemas["ReorganisationRequestInput"];
/** Fusion, Umbenennung or Wechsel einer Kommune. */
export type ReorganisationKind = ReorganisationRequest["kind"];

/** What the reorganisation form holds. */
export interface ReorganisationFormValues {
  kind: ReorganisationKind;
  sourceProviderIds: string[];
  targetMode: "existing" | "new";
  targetProviderId: string;
  newProviderId: string;
  newShortName: string;
  newName: string;
  organisationKey: string;
  effectiveDate: string;
  note: string;
}

/** German labels of the kinds, as the form offers them. */
export const KIND_LABEL: Record<ReorganisationKind, string> = {
  merger: "Fusion (mehrere Dienstleister gehen in einem auf)",
  rename: "Umbenennung (neue Kennung und neuer Name)",
  member_move: "Wechsel einer Kommune zu einem anderen Dienstleister",
};

/** A rename always creates the provider with the new name; the other kinds may use an existing one. */
export function targetModeOf(values: Pick<ReorganisationFormValues, "kind" | "targetMode">) {
  return values.kind === "rename" ? "new" : values.targetMode;
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

/**
 * The request for the server. Validation is the server's: it answers in German per field,
 * and checks what only it knows (active providers, existing Kommunen).
 */
export function toReorganisationRequest(values: ReorganisationFormValues): ReorganisationRequest {
  const target =
    targetModeOf(values) === "new"
      ? {
          providerId: values.newProviderId.trim(),
          shortName: optional(values.newShortName),
          name: optional(values.newName),
        }
      : { providerId: values.targetProviderId };
  const common = {
    sourceProviderIds: values.sourceProviderIds,
    target,
    effectiveDate: values.effectiveDate,
    note: optional(values.note),
  };
  return values.kind === "member_move"
    ? { kind: "member_move", ...common, organisationKey: values.organisationKey.trim() }
    : { kind: values.kind, ...common };
}
