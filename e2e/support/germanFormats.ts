import { ENGLISH_NUMBER, ISO_DAY_IN_TEXT } from "@it-atlas/domain";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// Emoji and symbol glyphs that show as empty boxes without an emoji font (icons are SVG).
const PICTOGRAPH = /[\p{Emoji_Presentation}\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff]/u;

/**
 * The visible text of the page, chart labels (SVG text) included, holds no number written
 * the English way ("25,000,000"), no ISO day ("2024-06-30") and no emoji: German formats
 * everywhere (issue 17). Fails with the places found, each with a little context.
 */
export async function expectGermanFormats(page: Page): Promise<void> {
  const labels = await page.locator("svg text").allTextContents();
  const text = `${await page.locator("body").innerText()}\n${labels.join(" | ")}`;
  const found: string[] = [];
  for (const pattern of [ENGLISH_NUMBER, ISO_DAY_IN_TEXT, PICTOGRAPH]) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const at = match.index;
      found.push(text.slice(Math.max(0, at - 30), at + match[0].length + 10).replace(/\s+/g, " "));
    }
  }
  expect(found, `nicht deutsch formatiert auf ${page.url()}`).toEqual([]);
}
