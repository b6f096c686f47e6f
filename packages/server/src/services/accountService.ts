import {
  appendAudit,
  countActiveAdministrators,
  createUser,
  findUserByEmail,
  type AuditVia,
  type Database,
  type Queryable,
} from "@it-atlas/db";
import { ConflictError, type RoleAssignment } from "@it-atlas/domain";
import { assertPasswordPolicy, hashPassword } from "../auth/passwords.ts";

/**
 * Creates an active administrator with a password (first start or `atlas create-admin`).
 * Refuses an e-mail that exists. There is no default password anywhere in the code.
 */
export async function createAdministrator(
  db: Database,
  input: { email: string; password: string; displayName?: string; via: AuditVia },
): Promise<number> {
  await assertPasswordPolicy(input.password, {
    personal: [input.email, input.displayName ?? "Administrator"],
  });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new ConflictError(
        "user_exists",
        `Es gibt bereits ein Konto mit der E-Mail-Adresse ${input.email}.`,
      );
    }
    const roles: RoleAssignment[] = [
      { role: "administrator", organisationKey: null, providerId: null },
    ];
    const id = await createUser(tx, {
      email: input.email,
      displayName: input.displayName ?? "Administrator",
      passwordHash,
      status: "active",
      roles,
    });
    await appendAudit(tx, {
      actorUserId: null,
      actorLabel: input.via === "cli" ? "Kommandozeile" : "Systemstart",
      via: input.via,
      action: "create",
      entityType: "user",
      entityId: String(id),
      before: null,
      after: { email: input.email, roles },
    });
    return id;
  });
}

/**
 * Creates the first administrator from ATLAS_ADMIN_EMAIL / ATLAS_ADMIN_PASSWORD when no active
 * administrator exists yet; does nothing otherwise. Returns whether one was created.
 */
export async function ensureInitialAdministrator(
  db: Database,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password) return false;
  if ((await countActiveAdministrators(db)) > 0) return false;
  if (await findUserByEmail(db, email)) return false;
  await createAdministrator(db, { email, password, via: "system" });
  return true;
}

/** Whether the change would leave no active administrator. */
export async function wouldRemoveLastAdministrator(
  tx: Queryable,
  user: { roles: RoleAssignment[]; status: string },
  next: { roles: RoleAssignment[]; status: string },
): Promise<boolean> {
  const isAdmin = (value: { roles: RoleAssignment[]; status: string }) =>
    value.status === "active" && value.roles.some((role) => role.role === "administrator");
  return isAdmin(user) && !isAdmin(next) && (await countActiveAdministrators(tx)) <= 1;
}
