import { confirmTotp, saveTotpSetup, type Queryable } from "@it-atlas/db";
import { codeForStep, newTotpSecret, timeStep, TOTP_SETTINGS } from "../auth/totp.ts";

/**
 * Enrols a confirmed TOTP for an account directly in the database, as the enrolment in the
 * account page would (tests and e2e seeding only). Returns the secret.
 */
export async function enrolTotp(
  tx: Queryable,
  userId: number,
  secret = newTotpSecret(),
): Promise<string> {
  await saveTotpSetup(tx, userId, secret);
  await confirmTotp(tx, userId, 0);
  return secret;
}

const lastStepUsed = new Map<string, number>();

/**
 * A valid code for the secret, as an authenticator app shows it, that this process has not
 * handed out before: the server accepts every time step only once (replay protection), so a
 * second sign-in within the same 30 seconds uses the next step (still within the accepted
 * window) or, when that is used too, waits for the clock.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = timeStep();
    const step = Math.max(now, (lastStepUsed.get(secret) ?? -1) + 1);
    if (step <= now + TOTP_SETTINGS.window) {
      lastStepUsed.set(secret, step);
      return codeForStep(secret, step);
    }
    const nextStepAt = (now + 1) * TOTP_SETTINGS.period * 1000;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50));
  }
}
