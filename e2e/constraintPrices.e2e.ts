import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "preise@kdn.example.org", password: "Preis-der-Vorgabe-2026" };
const NAME = "Spezialisierung Einwohnerwesen";

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
  page = await (await browser.newContext({ locale: "de-DE" })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Preis der Vorgabe", () => {
  it("shows what each constraint of the solved preset costs, on the result and in the comparison", async () => {
    await page.goto(`${server.url}/anmelden`);
    await page.getByLabel("E-Mail-Adresse").fill(ANALYST.email);
    await page.getByLabel("Passwort").fill(ANALYST.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
    await page.goto(`${server.url}/szenarien/neu`);
    await page.getByRole("heading", { level: 1, name: "Neues Szenario" }).waitFor();
    await page
      .getByRole("button", { name: "Vorlage „Spezialisierung Einwohnerwesen“ übernehmen" })
      .click();
    // Kreis Lippe keeps it short; the preset couples two domains and allows three providers.
    await page.getByLabel("Kommunen (Schlüssel)").fill("05766");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.waitForURL(/\/szenarien\/\d+$/);
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();

    await page.getByRole("button", { name: "Berechnen", exact: true }).click();
    await page.getByText("optimal (bewiesen)").waitFor({ timeout: 120_000 });

    const table = page.getByRole("table", {
      name: "Preis der Vorgabe (Demodaten (synthetisch))",
    });
    await table.waitFor();
    const rows = await table.getByRole("row").allTextContents();
    const coupling = rows.find((row) => row.startsWith("Kopplungen von Leistungsbereichen"));
    expect(coupling).toMatch(/^Kopplungen von Leistungsbereichen1[\d.]+\u00a0€/);
    expect(coupling).toMatch(/bewiesen \([\d,]+ s\)$/);
    expect(rows.some((row) => row.startsWith("Anzahl der Anbieter je Leistungsbereich"))).toBe(
      true,
    );
    expect(rows.some((row) => row.startsWith("Alle Vorgaben zusammen"))).toBe(true);
    // Sortable by each column.
    await table.getByRole("button", { name: /^Vorgabe/ }).click();
    expect(
      await table.getByRole("columnheader", { name: /^Vorgabe/ }).getAttribute("aria-sort"),
    ).toMatch(/ascending|descending/);
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: /Mit Ist vergleichen/ }).click();
    await page.getByRole("heading", { level: 1, name: "Szenarien vergleichen" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Preis der Vorgabe" }).waitFor();
    const compared = page.getByRole("table", {
      name: `Preis der Vorgabe: ${NAME} (Demodaten (synthetisch))`,
    });
    expect(await compared.getByRole("row").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Kopplungen von Leistungsbereichen/)]),
    );
    await expectNoAccessibilityViolations(page);
  });
});
