import type { Principal } from "@it-atlas/domain";
import type { ImportActor } from "@it-atlas/server";

/**
 * Whoever runs the CLI has the database itself, so the CLI acts with administrator rights;
 * the audit trail records the channel "cli".
 */
export const CLI_PRINCIPAL: Principal = {
  kind: "user",
  userId: 0,
  email: "cli",
  displayName: "Kommandozeile",
  via: "token",
  roles: [{ role: "administrator", organisationKey: null, providerId: null }],
};

/** Import actor of the CLI. */
export const CLI_ACTOR: ImportActor = {
  principal: CLI_PRINCIPAL,
  audit: { actorUserId: null, actorLabel: "Kommandozeile", via: "cli", requestId: null },
};

/** Value after a flag (`--out FILE`), or undefined. */
export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
