import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A compiled `highs.wasm` (a `WebAssembly.Module`; the ES2023 lib used here has no such type). */
export type CompiledHighsWasm = object;

// Node has WebAssembly; the ES2023 lib without DOM does not declare it.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledHighsWasm> };

/** Absolute path of the CommonJS loader of `highs`, for worker threads that `require` it. */
export const highsLoaderPath: string = require.resolve("highs");

let compiled: Promise<CompiledHighsWasm> | undefined;

/**
 * Compiles `highs.wasm` once per process. A compiled module can be sent to worker threads and
 * instantiated there in milliseconds, so a fresh HiGHS instance per large solve is cheap.
 */
export function compileHighsWasm(): Promise<CompiledHighsWasm> {
  compiled ??= readFile(require.resolve("highs/runtime")).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiled;
}
