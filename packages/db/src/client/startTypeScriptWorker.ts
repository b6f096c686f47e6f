import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

let tsxApiUrl: string | undefined;

/**
 * Where tsx's module hooks live. `node --import tsx` registers them in the main thread only
 * (Node 20 and 24 do not run `--import` in workers), and under Vitest there is no tsx at all, so a
 * worker written in TypeScript registers them itself before importing its entry file.
 */
function tsxApi(): string {
  if (tsxApiUrl) return tsxApiUrl;
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports["./esm/api"]?.import.default;
  if (!entry) throw new Error("tsx/esm/api nicht gefunden");
  tsxApiUrl = pathToFileURL(join(dirname(manifestPath), entry)).href;
  return tsxApiUrl;
}

/**
 * Starts a worker thread on a module of this repository. A `.ts` entry (the repository runs
 * from source) gets tsx's loader registered inside the worker first; a `.js` entry (a build)
 * starts directly.
 */
export function startTypeScriptWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, options);
  const bootstrap = `import(${JSON.stringify(tsxApi())})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
