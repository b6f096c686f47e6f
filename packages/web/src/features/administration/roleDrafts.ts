import type { Role } from "@it-atlas/domain";
import type { RoleAssignmentInput } from "./userQueries.ts";

/** One role as edited in a form: the scope fields stay filled while the role changes. */
export interface RoleDraft {
  role: Role;
  organisationKey: string;
  /** Shown in the Kommune picker until the search finds it again. */
  organisationName: string;
  providerId: string;
}

/** A new, unscoped role row (Leser: the least a person can hold). */
export function emptyRoleDraft(): RoleDraft {
  return { role: "leser", organisationKey: "", organisationName: "", providerId: "" };
}

/** Drafts of existing roles, with the Kommune names already known. */
export function toRoleDrafts(
  roles: readonly RoleAssignmentInput[],
  organisationName: (key: string) => string | undefined,
): RoleDraft[] {
  return roles.map((assignment) => ({
    role: assignment.role,
    organisationKey: assignment.organisationKey ?? "",
    organisationName: assignment.organisationKey
      ? (organisationName(assignment.organisationKey) ?? "")
      : "",
    providerId: assignment.providerId ?? "",
  }));
}

/**
 * The request's roles: a scope goes only with the role that needs it (the server refuses a
 * Kommune on any other role). Missing scopes are sent empty so the server's German message
 * appears at the field.
 */
export function toRoleAssignments(drafts: readonly RoleDraft[]): RoleAssignmentInput[] {
  return drafts.map((draft) => ({
    role: draft.role,
    organisationKey:
      draft.role === "kommune_bearbeiter" && draft.organisationKey ? draft.organisationKey : null,
    providerId:
      draft.role === "dienstleister_bearbeiter" && draft.providerId ? draft.providerId : null,
  }));
}

/** Element id of a role field for a server path ("roles", "roles.1.organisationKey"). */
export function roleFieldId(prefix: string, field: string): string | undefined {
  if (field === "roles") return `${prefix}-roles`;
  const match = /^roles\.(\d+)(?:\.(role|organisationKey|providerId))?$/.exec(field);
  if (!match) return undefined;
  return `${prefix}-roles-${match[1]}-${match[2] ?? "role"}`;
}

/** German label of a role field for the error summary ("Rolle 2: Kommune"). */
export function roleFieldLabel(field: string): string | undefined {
  if (field === "roles") return "Rollen";
  const match = /^roles\.(\d+)(?:\.(role|organisationKey|providerId))?$/.exec(field);
  if (!match) return undefined;
  const part = { role: "Rolle", organisationKey: "Kommune", providerId: "IT-Dienstleister" }[
    (match[2] ?? "role") as "role" | "organisationKey" | "providerId"
  ];
  return `Rolle ${Number(match[1]) + 1}: ${part}`;
}
