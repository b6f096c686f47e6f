import { z } from "zod";
import { RoleAssignment } from "./Role.ts";

/** How a request was authenticated. */
export const AuthenticatedVia = z.enum(["session", "token"]);
export type AuthenticatedVia = z.infer<typeof AuthenticatedVia>;

/** Who is asking: nobody signed in, or a user with role assignments. */
export type Principal =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: number;
      email: string;
      displayName: string;
      roles: RoleAssignment[];
      via: AuthenticatedVia;
    };

/** The anonymous principal. */
export const ANONYMOUS: Principal = { kind: "anonymous" };

/** A signed-in user as the API shows it (no secrets). */
export const UserView = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    status: z.enum(["active", "invited", "deactivated"]),
    roles: z.array(RoleAssignment),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    oidc: z.boolean(),
    /** Has a confirmed second factor (TOTP, ADR 0029). */
    totp: z.boolean(),
  })
  .meta({ id: "UserView" });
export type UserView = z.infer<typeof UserView>;
