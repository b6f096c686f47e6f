import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let page: Page;

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

describe("foundation journey", () => {
  it("finds Detmold from the start page, shows Kreis Lippe and its IT-Dienstleister, opens the provider", async () => {
    await page.goto(server.url);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "IT-Atlas NRW" }).count())
      .toBe(1);
    // Key figures come from the API.
    await page.getByText("17.890.489").waitFor();
    await page.getByRole("img", { name: /Karte der 396 Gemeinden/ }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("searchbox", { name: "Kommune suchen" }).fill("Detmold");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.waitForURL(/\/kommunen\?q=Detmold/);
    const detmoldLink = page.getByRole("link", { name: "Detmold", exact: true });
    await detmoldLink.waitFor();
    await expectNoAccessibilityViolations(page);

    await detmoldLink.click();
    await page.waitForURL(/\/kommunen\/05766020$/);
    await page.getByRole("heading", { level: 1, name: "Detmold" }).waitFor();
    await expect(page.getByRole("link", { name: "Kreis Lippe" }).count()).resolves.toBe(1);
    const itSection = page.getByRole("region", { name: "IT-Dienstleister" });
    await itSection.getByRole("link", { name: "krz" }).waitFor();
    await expect(itSection.getByRole("link", { name: "OWL-IT" }).count()).resolves.toBeGreaterThan(
      0,
    );
    await expectNoAccessibilityViolations(page);

    await itSection.getByRole("link", { name: "OWL-IT" }).first().click();
    await page.waitForURL(/\/dienstleister\/owl-it$/);
    await page.getByRole("heading", { level: 1, name: "OWL-IT" }).waitFor();
    await page.getByRole("link", { name: "GKD Paderborn" }).first().waitFor();
    await page.getByText("Fusion / Eingliederung").first().waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("shows a German not-found message for an unknown AGS", async () => {
    await page.goto(`${server.url}/kommunen/05999999`);
    await page.getByRole("heading", { level: 1, name: "Kommune nicht gefunden" }).waitFor();
    await page.getByText("Es gibt keine Kommune oder Organisation mit dem Schlüssel").waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("browses the OZG catalogue and the sources page", async () => {
    await page.goto(`${server.url}/ozg`);
    await page.getByRole("searchbox", { name: "Suche" }).fill("Elterngeld");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.getByRole("link", { name: "Elterngeld", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Elterngeld" }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/quellen`);
    await page.getByText("© GeoBasis-DE / BKG (Daten verändert)").first().waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
