import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { hashSecret } from "./secrets.ts";

/**
 * TOTP (RFC 6238) as every common authenticator app understands it: SHA-1, 6 digits, 30-second
 * steps (ADR 0029). One step either side is accepted for clock drift; each step only once.
 */
export const TOTP_SETTINGS = { algorithm: "SHA1", digits: 6, period: 30, window: 1 } as const;
/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = "IT-Atlas NRW";
/** Recovery codes handed out at enrolment (each usable once). */
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, label = "IT-Atlas"): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: TOTP_SETTINGS.algorithm,
    digits: TOTP_SETTINGS.digits,
    period: TOTP_SETTINGS.period,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random TOTP secret (160 bits, Base32 as authenticator apps expect). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step of a moment (seconds since the epoch divided by the period). */
export function timeStep(timestamp = Date.now()): number {
  return Math.floor(timestamp / 1000 / TOTP_SETTINGS.period);
}

/** Whether an input looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/**
 * The time step a code belongs to, when it is valid now (within the window); undefined when
 * it is wrong. Whether the step was used before is the caller's check (replay protection).
 */
export function matchingStep(
  secret: string,
  code: string,
  timestamp = Date.now(),
): number | undefined {
  const delta = totp(secret).validate({
    token: code.replace(/\s/g, ""),
    timestamp,
    window: TOTP_SETTINGS.window,
  });
  return delta === null ? undefined : timeStep(timestamp) + delta;
}

/** The code of a time step (for tests and the test helpers only). */
export function codeForStep(secret: string, step: number): string {
  return totp(secret).generate({ timestamp: step * TOTP_SETTINGS.period * 1000 });
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The QR code of a URI as an SVG document, rendered here (nothing is fetched). */
export async function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

// Without 0/O and 1/I/L, so codes read from paper are typed right.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * New recovery codes, e.g. `k7mq-2xhv-9taz-pd4c` (16 characters of a 31-letter alphabet,
 * about 79 bits each: their SHA-256 hashes cannot be reversed by trying).
 */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const characters = Array.from(
      { length: 16 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join("");
    return characters.match(/.{4}/g)!.join("-");
  });
}

/** The stored hash of a recovery code (case, spaces and dashes do not matter). */
export function hashRecoveryCode(code: string): string {
  return hashSecret(`recovery:${code.toLowerCase().replace(/[\s-]/g, "")}`);
}
