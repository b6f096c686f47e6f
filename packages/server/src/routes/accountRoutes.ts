import {
  appendAudit,
  createApiToken,
  createOneTimeToken,
  createUser,
  deleteOtherSessionsOfUser,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  invalidateOneTimeTokensOfUser,
  listApiTokens,
  listUsers,
  revokeApiToken,
  setPassword,
  setRoles,
  toUserView,
  updateUser,
} from "@it-atlas/db";
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  RoleAssignment,
  UserView,
} from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor, TOKEN_PREFIX } from "../auth/authPlugin.ts";
import { assertPasswordPolicy, hashPassword, verifyPassword } from "../auth/passwords.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { wouldRemoveLastAdministrator } from "../services/accountService.ts";

const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

const INVITATION_HOURS = 7 * 24;
const RESET_HOURS = 24;

/**
 * An invitation or reset link: absolute from ATLAS_PUBLIC_URL, otherwise the path alone (the
 * web app completes it from the address it was loaded from). Never built from the request's
 * Host header, which a caller can forge (issue 15.7).
 */
function link(context: AppContext, path: string): string {
  return context.publicUrl ? `${context.publicUrl.replace(/\/+$/, "")}${path}` : path;
}

function userId(principal: FastifyRequest["principal"]): number {
  if (principal.kind !== "user") throw new Error("Zugriffsregel ließ einen anonymen Aufruf durch");
  return principal.userId;
}

/** Own API tokens, and user administration for Administrators. */
export function registerAccountRoutes(app: ZodApp, context: AppContext): void {
  app.post(
    "/api/me/password",
    {
      config: { access: { permission: "tokens:own" } },
      schema: {
        tags: ["Konto"],
        summary:
          "Eigenes Passwort ändern (mit dem bisherigen Passwort; beendet die anderen Sitzungen)",
        body: z.object({
          currentPassword: z.string().min(1, "Bitte das bisherige Passwort angeben").max(256),
          newPassword: z.string().max(256),
        }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const owner = userId(request.principal);
      const account = await findUserById(context.db, owner);
      if (!account) throw new NotFoundError("user_not_found", "Dieses Konto gibt es nicht.");
      const current =
        account.passwordHash !== null &&
        (await verifyPassword(account.passwordHash, request.body.currentPassword));
      if (!current) {
        throw new InputError("invalid_credentials", "Das bisherige Passwort ist falsch.", [
          { field: "currentPassword", message: "stimmt nicht" },
        ]);
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw new InputError(
          "password_unchanged",
          "Das neue Passwort muss sich vom bisherigen unterscheiden.",
          [{ field: "newPassword", message: "gleich dem bisherigen" }],
        );
      }
      await assertPasswordPolicy(request.body.newPassword, {
        field: "newPassword",
        personal: [account.email, account.displayName],
      });
      const passwordHash = await hashPassword(request.body.newPassword);
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        await setPassword(tx, owner, passwordHash);
        await deleteOtherSessionsOfUser(tx, owner, request.sessionHash);
        const linksEnded = await invalidateOneTimeTokensOfUser(tx, owner);
        await appendAudit(tx, {
          ...actor,
          action: "change_password",
          entityType: "user",
          entityId: String(owner),
          before: null,
          after: { passwordChanged: true, linksEnded },
        });
      });
      context.forgetPrincipals(owner);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me/tokens",
    {
      config: { access: { permission: "tokens:own" } },
      schema: {
        tags: ["Konto"],
        summary: "Eigene API-Tokens",
        response: { 200: z.object({ items: z.array(ApiToken) }), 401: problemResponses[404] },
      },
    },
    async (request) => ({ items: await listApiTokens(context.db, userId(request.principal)) }),
  );

  app.post(
    "/api/me/tokens",
    {
      config: { access: { permission: "tokens:own" } },
      schema: {
        tags: ["Konto"],
        summary:
          "API-Token anlegen (wird nur dieses eine Mal angezeigt; wirkt mit den Rollen des Kontos)",
        body: z.object({
          name: z.string().trim().min(1, "Bitte einen Namen angeben").max(100),
          // Every token expires (issue 15.4): at most two years, one year by default.
          expiresInDays: z
            .number()
            .int()
            .min(1, "mindestens 1 Tag")
            .max(730, "höchstens 730 Tage")
            .default(365),
        }),
        response: { 200: ApiToken.extend({ token: z.string() }), ...problemResponses },
      },
    },
    async (request) => {
      const secret = `${TOKEN_PREFIX}${newSecret()}`;
      const owner = userId(request.principal);
      const account = await findUserById(context.db, owner);
      // A token inherits the second factor of the session that creates it (ADR 0029): only
      // then does it carry the administrator role. An account with TOTP creates tokens only
      // after signing in with it.
      if (account?.totp && !request.secondFactor) {
        throw new NotAllowedError(
          "second_factor_required",
          "Bitte melden Sie sich mit Ihrer Zwei-Faktor-Anmeldung an, um ein API-Token anzulegen.",
        );
      }
      const actor = auditActor(request);
      const view = await context.db.transaction(async (tx) => {
        const created = await createApiToken(tx, {
          userId: owner,
          name: request.body.name,
          tokenHash: hashSecret(secret),
          prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
          expiresInDays: request.body.expiresInDays,
          secondFactor: request.secondFactor,
        });
        await appendAudit(tx, {
          ...actor,
          action: "create",
          entityType: "api_token",
          entityId: String(created.id),
          before: null,
          after: {
            name: created.name,
            prefix: created.prefix,
            secondFactor: request.secondFactor,
          },
        });
        return created;
      });
      return { ...view, token: secret };
    },
  );

  app.delete(
    "/api/me/tokens/:id",
    {
      config: { access: { permission: "tokens:own" } },
      schema: {
        tags: ["Konto"],
        summary: "API-Token widerrufen",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const owner = userId(request.principal);
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        if (!(await revokeApiToken(tx, owner, request.params.id))) {
          throw new NotFoundError(
            "token_not_found",
            "Dieses Token gibt es nicht oder es ist bereits widerrufen.",
          );
        }
        await appendAudit(tx, {
          ...actor,
          action: "revoke",
          entityType: "api_token",
          entityId: String(request.params.id),
          before: null,
          after: null,
        });
      });
      context.forgetPrincipals(owner);
      return reply.status(204).send();
    },
  );

  const admin = { access: { permission: "users:manage" as const } };

  app.get(
    "/api/admin/users",
    {
      config: admin,
      schema: {
        tags: ["Verwaltung"],
        summary: "Benutzerkonten",
        response: { 200: z.object({ items: z.array(UserView) }) },
      },
    },
    async () => ({ items: (await listUsers(context.db)).map(toUserView) }),
  );

  app.post(
    "/api/admin/users",
    {
      config: admin,
      schema: {
        tags: ["Verwaltung"],
        summary: "Person einladen: legt ein Konto an und liefert einmalig den Einladungslink",
        body: z.object({
          email: z.email("ist keine gültige E-Mail-Adresse").max(320),
          displayName: z.string().trim().min(1, "Bitte einen Namen angeben").max(120),
          roles: z.array(RoleAssignment).min(1, "Bitte mindestens eine Rolle vergeben").max(100),
        }),
        response: {
          200: z.object({ user: UserView, invitationUrl: z.string() }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const secret = newSecret();
      const actor = auditActor(request);
      const id = await context.db.transaction(async (tx) => {
        if (await findUserByEmail(tx, request.body.email)) {
          throw new ConflictError(
            "user_exists",
            `Es gibt bereits ein Konto mit der E-Mail-Adresse ${request.body.email}.`,
          );
        }
        const created = await createUser(tx, {
          ...request.body,
          passwordHash: null,
          status: "invited",
        });
        await createOneTimeToken(tx, "invitation", {
          tokenHash: hashSecret(secret),
          userId: created,
          createdBy: actor.actorUserId,
          ttlHours: INVITATION_HOURS,
        });
        await appendAudit(tx, {
          ...actor,
          action: "invite",
          entityType: "user",
          entityId: String(created),
          before: null,
          after: { email: request.body.email, roles: request.body.roles },
        });
        return created;
      });
      const user = await findUserById(context.db, id);
      if (!user) throw new Error("Eingeladenes Konto nicht gefunden");
      return {
        user: toUserView(user),
        invitationUrl: link(context, `/einladung?token=${secret}`),
      };
    },
  );

  app.put(
    "/api/admin/users/:id",
    {
      config: admin,
      schema: {
        tags: ["Verwaltung"],
        summary: "Name, Rollen oder Status (aktiv/deaktiviert) eines Kontos ändern",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          displayName: z.string().trim().min(1).max(120).optional(),
          roles: z.array(RoleAssignment).max(100).optional(),
          status: z.enum(["active", "deactivated"]).optional(),
        }),
        response: { 200: UserView, ...problemResponses },
      },
    },
    async (request) => {
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const user = await findUserById(tx, request.params.id);
        if (!user) throw new NotFoundError("user_not_found", "Dieses Konto gibt es nicht.");
        const next = {
          roles: request.body.roles ?? user.roles,
          status: request.body.status ?? user.status,
        };
        if (await wouldRemoveLastAdministrator(tx, user, next)) {
          throw new ConflictError(
            "last_administrator",
            "Das letzte aktive Administrator-Konto kann nicht entzogen oder deaktiviert werden.",
          );
        }
        if (request.body.status === "active" && user.status === "invited") {
          throw new ConflictError(
            "invitation_pending",
            "Das Konto wird aktiv, sobald die Person die Einladung annimmt.",
          );
        }
        await updateUser(tx, user.id, {
          displayName: request.body.displayName,
          status: request.body.status,
        });
        if (request.body.roles) await setRoles(tx, user.id, request.body.roles);
        if (request.body.status === "deactivated") await deleteSessionsOfUser(tx, user.id);
        await appendAudit(tx, {
          ...actor,
          action: "update",
          entityType: "user",
          entityId: String(user.id),
          before: { displayName: user.displayName, roles: user.roles, status: user.status },
          after: { displayName: request.body.displayName ?? user.displayName, ...next },
        });
      });
      context.forgetPrincipals(request.params.id);
      const updated = await findUserById(context.db, request.params.id);
      if (!updated) throw new Error("Konto nach dem Speichern nicht gefunden");
      return toUserView(updated);
    },
  );

  app.post(
    "/api/admin/users/:id/password-reset",
    {
      config: admin,
      schema: {
        tags: ["Verwaltung"],
        summary:
          "Link zum Zurücksetzen des Passworts erzeugen (einmalig angezeigt, 24 Stunden gültig)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ resetUrl: z.string() }), ...problemResponses },
      },
    },
    async (request) => {
      const secret = newSecret();
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        const user = await findUserById(tx, request.params.id);
        if (!user) throw new NotFoundError("user_not_found", "Dieses Konto gibt es nicht.");
        await createOneTimeToken(tx, "password_reset", {
          tokenHash: hashSecret(secret),
          userId: user.id,
          ttlHours: RESET_HOURS,
        });
        await appendAudit(tx, {
          ...actor,
          action: "issue_password_reset",
          entityType: "user",
          entityId: String(user.id),
          before: null,
          after: null,
        });
      });
      return { resetUrl: link(context, `/passwort-zuruecksetzen?token=${secret}`) };
    },
  );
}
