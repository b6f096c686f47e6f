import { roleLabel } from "@it-atlas/domain";
import type { RoleAssignmentInput } from "./userQueries.ts";
import type { ScopeNames } from "./scopeNames.ts";

/**
 * "Kommune-Bearbeiter: Detmold (05766020)" – a role with the name of its scope; the key alone
 * while the name loads or when the Kommune or provider is unknown.
 */
export function describeRole(assignment: RoleAssignmentInput, names: ScopeNames): string {
  const label = roleLabel[assignment.role];
  if (assignment.role === "kommune_bearbeiter" && assignment.organisationKey) {
    const name = names.organisation(assignment.organisationKey);
    return `${label}: ${name ? `${name} (${assignment.organisationKey})` : assignment.organisationKey}`;
  }
  if (assignment.role === "dienstleister_bearbeiter" && assignment.providerId) {
    return `${label}: ${names.provider(assignment.providerId) ?? assignment.providerId}`;
  }
  return label;
}
