import type { Principal } from "./Principal.ts";
import type { Role } from "./Role.ts";

/**
 * What a principal may do. Public facts (organisations, memberships, events, OZG catalogue)
 * are open to everyone; the landscape needs sign-in; costs, volumes and answers are
 * confidential (see {@link canSeeConfidential}).
 */
export type Permission =
  | "public:read"
  | "landscape:read"
  | "sourcing:edit"
  | "offer:edit"
  | "masterdata:edit"
  | "reorganisation:preview"
  | "reorganisation:apply"
  | "scenario:run"
  | "campaign:manage"
  | "users:manage"
  | "audit:read"
  | "tokens:own"
  | "second-factor:own"
  | "adoption:edit"
  | "adoption:import"
  | "imports:upload"
  | "ozg:configure"
  | "exchange:interest"
  | "exchange:agreement"
  | "kpi:snapshot"
  | "experts:edit"
  | "measures:edit"
  | "governance:record"
  | "comments:write"
  | "notifications:own"
  | "corrections:propose"
  | "corrections:decide";

/** Scope of a check: the Kommune or provider a permission is asked for. */
export interface PermissionTarget {
  organisationKey?: string | null;
  providerId?: string | null;
}

function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return (
    principal.kind === "user" &&
    principal.roles.some((assignment) => roles.includes(assignment.role))
  );
}

/** True when the principal holds `role` for exactly this Kommune (or provider). */
function hasScopedRole(principal: Principal, role: Role, target: PermissionTarget): boolean {
  if (principal.kind !== "user") return false;
  return principal.roles.some(
    (assignment) =>
      assignment.role === role &&
      ((role === "kommune_bearbeiter" &&
        !!target.organisationKey &&
        assignment.organisationKey === target.organisationKey) ||
        (role === "dienstleister_bearbeiter" &&
          !!target.providerId &&
          assignment.providerId === target.providerId)),
  );
}

/** Whether the principal may do `permission` (for `target` where the permission is scoped). */
export function can(
  principal: Principal,
  permission: Permission,
  target: PermissionTarget = {},
): boolean {
  switch (permission) {
    case "public:read":
      return true;
    case "second-factor:own":
      // The own second factor is set up or removed only in a web session, never with an
      // API token (ADR 0029).
      return principal.kind === "user" && principal.via === "session";
    case "landscape:read":
    case "tokens:own":
    case "comments:write":
    case "notifications:own":
      return principal.kind === "user";
    case "sourcing:edit":
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "kommune_bearbeiter", target)
      );
    case "adoption:edit":
      // A Kommune's OZG adoption status and checklist: the same rule as its sourcing.
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "kommune_bearbeiter", target)
      );
    case "experts:edit":
      // A Kommune's Expertenverzeichnis: its editors and administrators.
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "kommune_bearbeiter", target)
      );
    case "adoption:import":
      // Every row of the file is checked with "adoption:edit" for its Kommune.
      return hasRole(principal, "administrator", "kommune_bearbeiter");
    case "imports:upload":
      // Excel/CSV imports write Bezüge (Kommune-Bearbeiter), offers (Dienstleister-Bearbeiter)
      // and master data (administrators); every row is checked again for its Kommune or
      // provider. Leser and KDN-Analysts write none of it, so they do not upload.
      return hasRole(principal, "administrator", "kommune_bearbeiter", "dienstleister_bearbeiter");
    case "exchange:interest":
      // For the Kommune or provider named in the request.
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "kommune_bearbeiter", target) ||
        hasScopedRole(principal, "dienstleister_bearbeiter", target)
      );
    case "corrections:propose":
      // Without a target (the route): anyone who may propose for some Kommune or provider;
      // with the target the correction is about: its Kommune's or provider's editors.
      if (!target.organisationKey && !target.providerId) {
        return hasRole(
          principal,
          "administrator",
          "kommune_bearbeiter",
          "dienstleister_bearbeiter",
        );
      }
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "kommune_bearbeiter", target) ||
        hasScopedRole(principal, "dienstleister_bearbeiter", target)
      );
    case "corrections:decide":
      // KDN checks the evidence before a correction becomes the public fact.
      return hasRole(principal, "administrator", "kdn_analyst");
    case "offer:edit":
      return (
        hasRole(principal, "administrator") ||
        hasScopedRole(principal, "dienstleister_bearbeiter", target)
      );
    case "reorganisation:preview":
    case "scenario:run":
    case "campaign:manage":
    case "kpi:snapshot":
    case "measures:edit":
    case "governance:record":
      // The change process is steered by KDN (Lenkungskreis, Verbandsversammlung).
      return hasRole(principal, "administrator", "kdn_analyst");
    case "reorganisation:apply":
    case "masterdata:edit":
    case "ozg:configure":
    case "exchange:agreement":
    case "users:manage":
    case "audit:read":
      return hasRole(principal, "administrator");
    default: {
      const unreachable: never = permission;
      throw new Error(`Unbekannte Berechtigung: ${String(unreachable)}`);
    }
  }
}

/**
 * Whether the principal may see a Kommune's confidential figures (costs, volumes, contract,
 * satisfaction, survey answers) for one relation: the Kommune itself, the provider for the
 * services it provides to that Kommune, and KDN-Analysts/Administrators.
 */
export function canSeeConfidential(
  principal: Principal,
  relation: { organisationKey: string; providerId: string | null },
): boolean {
  if (hasRole(principal, "administrator", "kdn_analyst")) return true;
  if (hasScopedRole(principal, "kommune_bearbeiter", { organisationKey: relation.organisationKey }))
    return true;
  return (
    !!relation.providerId &&
    hasScopedRole(principal, "dienstleister_bearbeiter", { providerId: relation.providerId })
  );
}

/** Whether the principal sees every confidential figure (no per-row check needed). */
export function seesAllConfidential(principal: Principal): boolean {
  return hasRole(principal, "administrator", "kdn_analyst");
}

/** Smallest group of Kommunen an aggregate may describe for viewers without full access. */
export const MIN_AGGREGATE_GROUP = 3;

/**
 * A stable key of what the principal may see, for caches of prepared responses: "all",
 * "none", or the sorted list of its scopes.
 */
export function visibilityKey(principal: Principal): string {
  if (principal.kind !== "user") return "anonymous";
  if (seesAllConfidential(principal)) return "all";
  const scopes = principal.roles
    .map((assignment) =>
      assignment.role === "kommune_bearbeiter"
        ? `o:${assignment.organisationKey ?? ""}`
        : assignment.role === "dienstleister_bearbeiter"
          ? `p:${assignment.providerId ?? ""}`
          : "",
    )
    .filter((scope) => scope.length > 0)
    .sort();
  return scopes.length === 0 ? "none" : scopes.join(",");
}
