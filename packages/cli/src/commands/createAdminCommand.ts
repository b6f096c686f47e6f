import { createAdministrator } from "@it-atlas/server";
import type { Command } from "./Command.ts";

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Reads the password from standard input (one line), so it never appears in the shell history. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/**
 * `atlas create-admin --email X [--name N] [--password-stdin]`: creates an administrator.
 * The password comes from ATLAS_ADMIN_PASSWORD or, with --password-stdin, from standard
 * input; there is no default password.
 */
export function createAdminCommand(readPassword: () => Promise<string> = readStdinLine): Command {
  return {
    name: "create-admin",
    summary:
      "Administrator-Konto anlegen (--email, Passwort aus ATLAS_ADMIN_PASSWORD oder --password-stdin)",
    async run(db, args, output) {
      const email = option(args, "--email");
      if (!email) {
        output.err(
          "Bitte --email angeben, z. B. npm run atlas -- create-admin --email admin@kdn.de --password-stdin",
        );
        return 2;
      }
      const password = args.includes("--password-stdin")
        ? await readPassword()
        : process.env.ATLAS_ADMIN_PASSWORD;
      if (!password) {
        output.err("Kein Passwort: ATLAS_ADMIN_PASSWORD setzen oder --password-stdin verwenden.");
        return 2;
      }
      const id = await createAdministrator(db, {
        email,
        password,
        displayName: option(args, "--name") ?? "Administrator",
        via: "cli",
      });
      output.out(`Administrator-Konto ${email} angelegt (Nr. ${id}).`);
      return 0;
    },
  };
}
