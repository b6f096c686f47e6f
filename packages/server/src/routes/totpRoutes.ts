import {
  acceptTotpStep,
  appendAudit,
  confirmTotp,
  countRecoveryCodes,
  deleteOtherSessionsOfUser,
  deleteTotp,
  findTotp,
  findUserById,
  loginDelaySeconds,
  markSessionSecondFactor,
  recordLoginFailure,
  replaceRecoveryCodes,
  saveTotpSetup,
  useRecoveryCode,
} from "@it-atlas/db";
import { ConflictError, InputError, NotFoundError, RateLimitedError } from "@it-atlas/domain";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { auditActor } from "../auth/authPlugin.ts";
import { verifyPassword } from "../auth/passwords.ts";
import {
  hashRecoveryCode,
  isTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrCodeSvg,
} from "../auth/totp.ts";
import { problemResponses } from "../http/Problem.ts";
import type { AppContext, ZodApp } from "../http/types.ts";
import { throttleRules, waitText } from "./authRoutes.ts";

const TotpStatus = z
  .object({
    enabled: z.boolean(),
    /** Whether the account must have it (it holds the administrator role). */
    required: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: "TotpStatus" });

const TotpSetup = z
  .object({
    secret: z.string(),
    otpauthUri: z.string(),
    /** The QR code of `otpauthUri` as an SVG document (rendered on the server). */
    qrCodeSvg: z.string(),
  })
  .meta({ id: "TotpSetup" });

const RecoveryCodes = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: "RecoveryCodes" });

const Code = z.string().trim().min(6, "Bitte den Code angeben").max(40);

/** The signed-in account (the access rule admits web sessions only). */
function sessionUser(request: FastifyRequest): number {
  const principal = request.principal;
  if (principal.kind !== "user") throw new Error("Zugriffsregel ließ einen anonymen Aufruf durch");
  return principal.userId;
}

function wrongCode(): InputError {
  return new InputError(
    "invalid_second_factor",
    "Der Code ist falsch, abgelaufen oder wurde schon verwendet.",
    [{ field: "code", message: "ungültig" }],
  );
}

/** Own second factor: TOTP enrolment with recovery codes, and removal (issue 15.5, ADR 0029). */
export function registerTotpRoutes(app: ZodApp, context: AppContext): void {
  const own = { access: { permission: "second-factor:own" as const } };

  /** Throttles wrong codes and passwords of signed-in accounts like wrong sign-ins. */
  async function throttled(email: string, address: string) {
    const rules = throttleRules(email, address);
    const delay = await loginDelaySeconds(
      context.db,
      rules.map((rule) => rule.key),
    );
    if (delay > 0) {
      throw new RateLimitedError(
        "too_many_attempts",
        `Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in ${waitText(delay)} erneut.`,
      );
    }
    return { fail: () => context.db.transaction((tx) => recordLoginFailure(tx, rules)) };
  }

  async function account(userId: number) {
    const user = await findUserById(context.db, userId);
    if (!user) throw new NotFoundError("user_not_found", "Dieses Konto gibt es nicht.");
    return user;
  }

  app.get(
    "/api/me/totp",
    {
      config: own,
      schema: {
        tags: ["Konto"],
        summary: "Stand der eigenen Zwei-Faktor-Anmeldung (TOTP)",
        response: { 200: TotpStatus, ...problemResponses },
      },
    },
    async (request) => {
      const user = await account(sessionUser(request));
      return {
        enabled: user.totp,
        required: user.roles.some((role) => role.role === "administrator"),
        recoveryCodesLeft: user.totp ? await countRecoveryCodes(context.db, user.id) : 0,
      };
    },
  );

  app.post(
    "/api/me/totp/setup",
    {
      config: own,
      schema: {
        tags: ["Konto"],
        summary:
          "Zwei-Faktor-Anmeldung einrichten: neues Geheimnis mit otpauth-URI und QR-Code (erst nach der Bestätigung wirksam)",
        response: { 200: TotpSetup, ...problemResponses },
      },
    },
    async (request) => {
      const user = await account(sessionUser(request));
      const secret = newTotpSecret();
      if (!(await saveTotpSetup(context.db, user.id, secret))) {
        throw new ConflictError(
          "totp_enabled",
          "Die Zwei-Faktor-Anmeldung ist bereits eingerichtet. Entfernen Sie sie zuerst, um ein neues Gerät einzurichten.",
        );
      }
      const uri = otpauthUri(secret, user.email);
      return { secret, otpauthUri: uri, qrCodeSvg: await qrCodeSvg(uri) };
    },
  );

  app.post(
    "/api/me/totp/confirm",
    {
      config: own,
      schema: {
        tags: ["Konto"],
        summary:
          "Einrichtung mit dem ersten Code bestätigen; liefert einmalig die Wiederherstellungscodes und beendet die anderen Sitzungen",
        body: z.object({ code: Code }),
        response: { 200: RecoveryCodes, ...problemResponses },
      },
    },
    async (request) => {
      const user = await account(sessionUser(request));
      const totp = await findTotp(context.db, user.id);
      if (!totp || totp.confirmed) {
        throw new ConflictError(
          "totp_setup_missing",
          totp
            ? "Die Zwei-Faktor-Anmeldung ist bereits eingerichtet."
            : "Bitte starten Sie die Einrichtung zuerst.",
        );
      }
      const step = matchingStep(totp.secret, request.body.code);
      if (step === undefined) throw wrongCode();
      const codes = newRecoveryCodes();
      const actor = auditActor(request);
      await context.db.transaction(async (tx) => {
        if (!(await confirmTotp(tx, user.id, step))) throw wrongCode();
        await replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode));
        // This session just proved the second factor; sessions elsewhere did not.
        if (request.sessionHash) await markSessionSecondFactor(tx, request.sessionHash);
        await deleteOtherSessionsOfUser(tx, user.id, request.sessionHash);
        await appendAudit(tx, {
          ...actor,
          action: "enable_totp",
          entityType: "user",
          entityId: String(user.id),
          before: { totp: false },
          after: { totp: true, recoveryCodes: codes.length },
        });
      });
      context.forgetPrincipals(user.id);
      return { recoveryCodes: codes };
    },
  );

  app.post(
    "/api/me/totp/recovery-codes",
    {
      config: own,
      schema: {
        tags: ["Konto"],
        summary:
          "Neue Wiederherstellungscodes erzeugen (mit einem aktuellen Code; die bisherigen werden ungültig)",
        body: z.object({ code: Code }),
        response: { 200: RecoveryCodes, ...problemResponses },
      },
    },
    async (request) => {
      const user = await account(sessionUser(request));
      const totp = await findTotp(context.db, user.id);
      if (!totp?.confirmed) {
        throw new ConflictError(
          "totp_disabled",
          "Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.",
        );
      }
      const guard = await throttled(user.email, request.ip);
      const codes = newRecoveryCodes();
      const actor = auditActor(request);
      const accepted = await context.db.transaction(async (tx) => {
        const step = matchingStep(totp.secret, request.body.code);
        if (step === undefined || !(await acceptTotpStep(tx, user.id, step))) return false;
        await replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode));
        await appendAudit(tx, {
          ...actor,
          action: "renew_recovery_codes",
          entityType: "user",
          entityId: String(user.id),
          before: null,
          after: { recoveryCodes: codes.length },
        });
        return true;
      });
      if (!accepted) {
        await guard.fail();
        throw wrongCode();
      }
      return { recoveryCodes: codes };
    },
  );

  app.post(
    "/api/me/totp/disable",
    {
      config: own,
      schema: {
        tags: ["Konto"],
        summary:
          "Zwei-Faktor-Anmeldung entfernen (mit Passwort und Code; für Administrator-Konten nicht möglich)",
        body: z.object({
          currentPassword: z.string().max(256).optional(),
          code: Code,
        }),
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = await account(sessionUser(request));
      if (user.roles.some((role) => role.role === "administrator")) {
        throw new ConflictError(
          "totp_required",
          "Für Administrator-Konten ist die Zwei-Faktor-Anmeldung Pflicht und kann nicht entfernt werden.",
        );
      }
      const totp = await findTotp(context.db, user.id);
      if (!totp?.confirmed) {
        throw new ConflictError(
          "totp_disabled",
          "Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.",
        );
      }
      const guard = await throttled(user.email, request.ip);
      // Accounts that sign in only through the identity provider have no password to give.
      const passwordOk =
        user.passwordHash === null ||
        (await verifyPassword(user.passwordHash, request.body.currentPassword ?? ""));
      if (!passwordOk) {
        await guard.fail();
        throw new InputError("invalid_credentials", "Das bisherige Passwort ist falsch.", [
          { field: "currentPassword", message: "stimmt nicht" },
        ]);
      }
      const actor = auditActor(request);
      const accepted = await context.db.transaction(async (tx) => {
        const code = request.body.code;
        const ok = isTotpCode(code)
          ? await (async () => {
              const step = matchingStep(totp.secret, code);
              return step !== undefined && (await acceptTotpStep(tx, user.id, step));
            })()
          : await useRecoveryCode(tx, user.id, hashRecoveryCode(code));
        if (!ok) return false;
        await deleteTotp(tx, user.id);
        await appendAudit(tx, {
          ...actor,
          action: "disable_totp",
          entityType: "user",
          entityId: String(user.id),
          before: { totp: true },
          after: { totp: false },
        });
        return true;
      });
      if (!accepted) {
        await guard.fail();
        throw wrongCode();
      }
      context.forgetPrincipals(user.id);
      return reply.status(204).send();
    },
  );
}
