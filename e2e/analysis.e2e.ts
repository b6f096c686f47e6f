import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount, signInViaApi } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "fragmentierung@kdn.example.org", password: "Analyse-Fragmente-2026" };
const STICHTAG = "2024-06-30";

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "de-DE" });
  await signInViaApi(context, server.url, ANALYST.email, ANALYST.password);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Fragmentierung journey", () => {
  it("an analyst sees how fragmented NRW is, per domain, provider and Kommune", async () => {
    await page.goto(`${server.url}/fragmentierung?stichtag=${STICHTAG}`);
    await page.getByRole("heading", { level: 1, name: "Fragmentierung" }).waitFor();
    await page.getByRole("heading", { name: "Kennzahlen am 30.06.2024" }).waitFor();
    await page
      .getByRole("group", { name: /Zahl der Anbieter, von denen eine Gemeinde abhängt/ })
      .waitFor();
    expect(await page.getByText("Demodaten (synthetisch)").first().isVisible()).toBe(true);
    const table = page.getByRole("table", { name: /Konzentration je Leistungsbereich/ });
    expect(await table.getByRole("row").count()).toBeGreaterThan(20);
    await expectNoAccessibilityViolations(page);

    await table.getByRole("link", { name: "Einwohnerwesen" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Einwohnerwesen: Anbieter und Konzentration" })
      .waitFor();
    await page.getByRole("table", { name: /Größe der Anbieter in Einwohnerwesen/ }).waitFor();
    await page.getByRole("heading", { name: "Laufende Kosten je Einwohner und Jahr" }).waitFor();
    await expectNoAccessibilityViolations(page);

    // Kreis Lippe's Gemeinden are members of OWL-IT: its scale across all domains.
    await page
      .getByRole("table", { name: /Größe der Anbieter in Einwohnerwesen/ })
      .getByRole("link", { name: "OWL-IT" })
      .click();
    await page
      .getByRole("heading", { level: 1, name: "Größe von OWL-IT je Leistungsbereich" })
      .waitFor();
    const scale = page.getByRole("table", { name: /OWL-IT je Leistungsbereich am 30.06.2024/ });
    expect(await scale.getByRole("row").count()).toBeGreaterThan(10);
    await expectNoAccessibilityViolations(page);
    await page.goBack();

    await page.getByRole("link", { name: "Kostenkurve dieses Bereichs" }).click();
    await page.getByRole("heading", { level: 1, name: "Kostenkurven (Skaleneffekte)" }).waitFor();
    await page.getByLabel("Datengrundlage").selectOption("eigenbetrieb");
    const parameters = page.getByRole("table", { name: /Parameter der Kostenkurve/ });
    await parameters.waitFor();
    expect(await parameters.getByRole("row", { name: /Fixkosten/ }).textContent()).toMatch(/€/);
    await page.getByRole("img", { name: "Kostenkurve Einwohnerwesen" }).waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
