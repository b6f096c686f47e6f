import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let page: Page;

/** Every page of the navigation and the detail pages they link to, visited without a sign-in. */
const PAGES = [
  "/",
  "/landkarte",
  "/landkarte/vergleich",
  "/kommunen",
  "/kommunen/05766020",
  "/kommunen/05766",
  "/dienstleister",
  "/dienstleister/owl-it",
  "/dienstleister/reorganisation",
  "/leistungsbereiche",
  "/leistungsbereiche/netz",
  "/leistungsbereiche/einwohnerwesen",
  "/ozg",
  "/ozg/1",
  "/ozg-umsetzung",
  "/ozg-umsetzung/kommunen/05766020",
  "/ozg-umsetzung/dienste",
  "/ozg-umsetzung/austausch",
  "/ozg-umsetzung/import",
  "/ozg-umsetzung/regeln",
  "/fragmentierung",
  "/fragmentierung/kostenkurven",
  "/fragmentierung/anbieter/owl-it",
  "/fragmentierung/einwohnerwesen",
  "/quellen",
  "/import-export",
  "/anmelden",
  "/bedarfserhebung",
  "/strategien/vor-ort",
  "/kennzahlen",
  "/berichte",
  "/korrekturen",
  "/datenlage",
  "/massnahmen",
  "/roadmap",
  "/gremien",
  "/szenarien",
  "/szenarien/vergleich",
  "/szenarien/1",
];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "de-DE" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("anonymous visitors", () => {
  it("cause no 401 on any page: pages call only the endpoints a visitor may use (issue 16, defect 10)", async () => {
    const refused: string[] = [];
    let current = "";
    page.on("response", (response) => {
      if (response.status() === 401) {
        refused.push(`${current} → ${new URL(response.url()).pathname}`);
      }
    });
    for (const path of PAGES) {
      current = path;
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
      // Every page settles on a heading of its own (no page left loading or retrying).
      await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 5_000 });
    }
    expect(refused).toEqual([]);
  }, 240_000);

  it("are asked to sign in on a Leistungsbereich, not told it does not exist (issue 16, defect 10)", async () => {
    await page.goto(`${server.url}/leistungsbereiche/netz`);
    await page.getByRole("heading", { level: 1, name: "Anmeldung erforderlich" }).waitFor();
    await expect(page.getByText(/nicht gefunden/).count()).resolves.toBe(0);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Jetzt anmelden" }).first().click();
    await page.waitForURL(/\/anmelden\?zurueck=%2Fleistungsbereiche%2Fnetz/);
  });
});
