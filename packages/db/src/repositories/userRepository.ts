import type { RoleAssignment, UserView } from "@it-atlas/domain";
import type { Queryable } from "../client/Database.ts";
import { insertRows } from "../client/insertRows.ts";
import { sql } from "../client/sql.ts";

/** A user with the secrets the server needs to authenticate (never sent to clients). */
export interface UserRecord extends UserView {
  passwordHash: string | null;
}

interface UserRow {
  id: number;
  email: string;
  display_name: string;
  status: UserView["status"];
  password_hash: string | null;
  last_login_at: string | null;
  created_at: string;
  oidc_subject: string | null;
  totp: boolean;
  roles: RoleAssignment[] | null;
}

const SELECT_USER = sql`
  SELECT u.id, u.email, u.display_name, u.status, u.password_hash,
         to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_login_at,
         to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
         u.oidc_subject,
         EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS totp,
         (SELECT json_agg(json_build_object('role', r.role, 'organisationKey', r.organisation_key, 'providerId', r.provider_id)
                          ORDER BY r.role, r.organisation_key, r.provider_id)
            FROM role_assignment r WHERE r.user_id = u.id) AS roles
  FROM app_user u`;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    roles: row.roles ?? [],
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    oidc: row.oidc_subject !== null,
    totp: row.totp,
    passwordHash: row.password_hash,
  };
}

/** Strips secrets for API responses. */
export function toUserView(user: UserRecord): UserView {
  const { passwordHash: _hash, ...view } = user;
  return view;
}

/** Finds a user by e-mail (case-insensitive). */
export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRow>(sql`${SELECT_USER} WHERE lower(u.email) = lower(${email})`);
  return row ? toUser(row) : undefined;
}

/** Finds a user by id. */
export async function findUserById(db: Queryable, id: number): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRow>(sql`${SELECT_USER} WHERE u.id = ${id}`);
  return row ? toUser(row) : undefined;
}

/** Finds the user linked to an OpenID Connect subject. */
export async function findUserByOidc(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<UserRecord | undefined> {
  const [row] = await db.query<UserRow>(
    sql`${SELECT_USER} WHERE u.oidc_issuer = ${issuer} AND u.oidc_subject = ${subject}`,
  );
  return row ? toUser(row) : undefined;
}

/** All users, by e-mail. */
export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const rows = await db.query<UserRow>(sql`${SELECT_USER} ORDER BY lower(u.email)`);
  return rows.map(toUser);
}

/** Creates a user with roles; returns its id. */
export async function createUser(
  tx: Queryable,
  user: {
    email: string;
    displayName: string;
    passwordHash: string | null;
    status: UserView["status"];
    roles: RoleAssignment[];
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    sql`INSERT INTO app_user (email, display_name, password_hash, status)
        VALUES (${user.email}, ${user.displayName}, ${user.passwordHash}, ${user.status}) RETURNING id`,
  );
  if (!row) throw new Error("Benutzer wurde nicht angelegt");
  await setRoles(tx, row.id, user.roles);
  return row.id;
}

/** Replaces a user's role assignments. */
export async function setRoles(
  tx: Queryable,
  userId: number,
  roles: RoleAssignment[],
): Promise<void> {
  await tx.query(sql`DELETE FROM role_assignment WHERE user_id = ${userId}`);
  await insertRows(
    tx,
    "role_assignment",
    ["user_id", "role", "organisation_key", "provider_id"],
    roles.map((role) => [userId, role.role, role.organisationKey, role.providerId]),
  );
}

/** Updates name and status. */
export async function updateUser(
  tx: Queryable,
  userId: number,
  changes: { displayName?: string; status?: UserView["status"] },
): Promise<void> {
  await tx.query(sql`UPDATE app_user SET display_name = coalesce(${changes.displayName ?? null}, display_name),
                       status = coalesce(${changes.status ?? null}, status) WHERE id = ${userId}`);
}

/** Sets a new password hash (and activates an invited account). */
export async function setPassword(
  tx: Queryable,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await tx.query(sql`UPDATE app_user SET password_hash = ${passwordHash},
                       status = CASE WHEN status = 'invited' THEN 'active' ELSE status END WHERE id = ${userId}`);
}

/** Records a successful sign-in. */
export async function recordLogin(tx: Queryable, userId: number): Promise<void> {
  await tx.query(sql`UPDATE app_user SET last_login_at = now() WHERE id = ${userId}`);
}

/** Links an existing user to an OpenID Connect subject. */
export async function linkOidc(
  tx: Queryable,
  userId: number,
  issuer: string,
  subject: string,
): Promise<void> {
  await tx.query(
    sql`UPDATE app_user SET oidc_issuer = ${issuer}, oidc_subject = ${subject} WHERE id = ${userId}`,
  );
}

/** Number of active administrators (the last one must not be removed). */
export async function countActiveAdministrators(db: Queryable): Promise<number> {
  const [row] = await db.query<{ count: number }>(sql`
    SELECT count(DISTINCT u.id)::int AS count FROM app_user u JOIN role_assignment r ON r.user_id = u.id
    WHERE r.role = 'administrator' AND u.status = 'active'`);
  return row?.count ?? 0;
}
