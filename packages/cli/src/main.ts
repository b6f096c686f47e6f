import { runCli } from "./runCli.ts";

// Entry of `npm run atlas -- <command>`.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
