import { hash, verify } from "@node-rs/argon2";
import { InputError } from "@it-atlas/domain";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as german from "@zxcvbn-ts/language-de";
import { cpuPool } from "../workers/cpuPool.ts";

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum profile).
const ARGON2ID = 2;

/** Minimum length of a password (BSI IT-Grundschutz ORP.4 recommends long passphrases). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The least zxcvbn score (0–4) a password needs: 3 means "safely unguessable: moderate
 * protection from an offline slow-hash attack" (argon2id here). ASVS V2.1.7 asks to refuse
 * breached and common passwords; the common and German dictionaries stand in for that list.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** Checks a password against a stored argon2id hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let strength: ZxcvbnFactory | undefined;

/** zxcvbn with the common and German dictionaries and German feedback (built on first use). */
function strengthChecker(): ZxcvbnFactory {
  strength ??= new ZxcvbnFactory({
    translations: german.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...german.dictionary },
    // Off: with it a check takes 10–20× longer on the event loop for little gain.
    useLevenshteinDistance: false,
  });
  return strength;
}

function normalise(text: string): string {
  return text.toLocaleLowerCase("de-DE").replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Whether the password is the account's e-mail address (or contains it), its local part or its
 * name, ignoring case and punctuation. Passwords that merely share a word with them are left to
 * zxcvbn, which gets them as user inputs and scores such words as known.
 */
function isPersonal(password: string, personal: readonly string[]): boolean {
  const normalisedPassword = normalise(password);
  return personal.some((value) => {
    const whole = normalise(value);
    if (whole.length === 0) return false;
    if (!value.includes("@")) return normalisedPassword === whole;
    const local = normalise(value.split("@")[0] ?? "");
    return normalisedPassword.includes(whole) || normalisedPassword === local;
  });
}

export interface PasswordPolicyContext {
  /** The field the problem is reported on. */
  field?: string;
  /** The account's e-mail address and name: a password may contain neither. */
  personal?: readonly string[];
}

/**
 * Refuses a password that is too short or too long, contains the account's e-mail address or
 * name, or is easy to guess (common, German dictionary words, keyboard patterns, repeats) —
 * with a German reason and hint.
 */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext = {}): void {
  const field = context.field ?? "password";
  const refuse = (detail: string, message: string): never => {
    throw new InputError("weak_password", detail, [{ field, message }]);
  };
  if (password.length < MIN_PASSWORD_LENGTH) {
    refuse(
      `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`,
      `mindestens ${MIN_PASSWORD_LENGTH} Zeichen`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    refuse(
      `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`,
      `höchstens ${MAX_PASSWORD_LENGTH} Zeichen`,
    );
  }
  const personal = context.personal ?? [];
  if (isPersonal(password, personal)) {
    refuse(
      "Das Passwort darf weder Ihre E-Mail-Adresse noch Ihren Namen enthalten.",
      "enthält E-Mail-Adresse oder Namen",
    );
  }
  const result = strengthChecker().check(password, [...personal]);
  if (result.score < MIN_PASSWORD_SCORE) {
    const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(
      (hint): hint is string => typeof hint === "string" && hint.length > 0,
    );
    refuse(
      `Das Passwort ist zu leicht zu erraten.${hints.length > 0 ? ` ${hints.join(" ")}` : ""} ` +
        "Tipp: eine Passphrase aus mehreren seltenen Wörtern.",
      "zu leicht zu erraten",
    );
  }
}

/**
 * {@link checkPasswordPolicy} in the CPU worker pool: zxcvbn took 0.06–2 s for a 20–60
 * character password and several seconds for 256 characters on a busy machine, all on the
 * event loop (issue 13). Refusals arrive as the same `InputError` with German reason.
 */
export async function assertPasswordPolicy(
  password: string,
  context: PasswordPolicyContext = {},
): Promise<void> {
  await cpuPool().run("password.check", { password, context });
}
