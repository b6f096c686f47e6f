import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Tests run from the repository root (vitest.config.ts); jsdom gives no file URL here.
const SOURCE = join(process.cwd(), "packages/web/src");

// Emoji and pictographic symbols (⚠ ⛔ 🔔 ◆ ▲ ▾ …) show as empty boxes on machines without an
// emoji or symbol font; icons are inline SVG (ui/Icon.tsx). Typographic characters (– → „ “ ©
// ² €) are in the web font and allowed.
const PICTOGRAPH =
  /[\p{Emoji_Presentation}\u2190-\u2191\u2193-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff]|\ufe0f/u;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("Icons", () => {
  it("the web app writes no emoji or pictographic characters, only SVG icons", () => {
    const found = sourceFiles(SOURCE).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => {
          // Comments may name the characters they replace.
          const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, "");
          const match = PICTOGRAPH.exec(code);
          return match ? [`${relative(SOURCE, file)}:${index + 1}: ${match[0]}`] : [];
        }),
    );
    expect(found).toEqual([]);
  });
});
