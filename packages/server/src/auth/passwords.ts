import { hash, verify } from "@node-rs/argon2";
import { InputError } from "@it-atlas/domain";

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum profile).
const ARGON2ID = 2;

/** Minimum length of a password (BSI IT-Grundschutz ORP.4 recommends long passphrases). */
export const MIN_PASSWORD_LENGTH = 12;

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

/** Refuses passwords that are too short or too long, in German. */
export function checkPasswordPolicy(password: string, field = "password"): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new InputError(
      "weak_password",
      `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`,
      [{ field, message: `mindestens ${MIN_PASSWORD_LENGTH} Zeichen` }],
    );
  }
  if (password.length > 256) {
    throw new InputError("weak_password", "Das Passwort darf höchstens 256 Zeichen lang sein.", [
      { field, message: "höchstens 256 Zeichen" },
    ]);
  }
}
