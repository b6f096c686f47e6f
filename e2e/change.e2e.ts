import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "wandel@kdn.example.org", password: "Analyse-Wandel-2026" };
const COLLEAGUE = { email: "it-leitung@lippe.example.org", password: "Lippe-Leitung-2026" };
const SCENARIO = "lippe-einwohnerwesen-2027";
const WAVE_1 = "Wechsel Einwohnerwesen zu regio iT – Welle 1";
const WAVE_2 = "Wechsel Einwohnerwesen zu regio iT – Welle 2";

/** Three Kommunen of Kreis Lippe moving Einwohnerwesen from OWL-IT to regio iT. */
const MIGRATIONS = ["05766020", "05766008", "05766044"].map((kommuneId, index) => ({
  kommuneId,
  domainId: "einwohnerwesen",
  fromProviderId: "owl-it",
  toProviderId: "regio-it",
  oneOffCost: 30_000 + index * 5_000,
}));

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  await createAccount(server, {
    ...COLLEAGUE,
    roles: [{ role: "leser", organisationKey: null, providerId: null }],
  });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "de-DE" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(target: Page, account: { email: string; password: string }) {
  await target.goto(`${server.url}/anmelden`);
  await target.getByLabel("E-Mail-Adresse").fill(account.email);
  await target.getByLabel("Passwort").fill(account.password);
  await target.getByRole("button", { name: "Anmelden" }).click();
  await target.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
}

describe("Veränderungsprozess journey", () => {
  it("an analyst creates the measures of a compared scenario from its migrations", async () => {
    await signIn(page, ANALYST);
    // The call the scenario page makes: the session's cookie plus its CSRF token.
    const session = await context.request.get(`${server.url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await context.request.post(`${server.url}/api/measures/from-migrations`, {
      headers: { "x-csrf-token": csrfToken },
      data: {
        scenarioId: SCENARIO,
        migrations: MIGRATIONS,
        maxMigrationsPerYear: 2,
        startYear: 2027,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { items } = (await created.json()) as { items: Array<{ title: string }> };
    expect(items.map((item) => item.title)).toEqual([WAVE_1, WAVE_2]);

    await page.goto(`${server.url}/massnahmen`);
    await page.getByRole("heading", { level: 1, name: "Maßnahmen" }).waitFor();
    const table = page.getByRole("table", { name: /Maßnahmen, 2 Treffer/ });
    await table.getByRole("link", { name: WAVE_1 }).waitFor();
    // Wave 2 starts in 2028, after wave 1 is due: not „blockiert“ from the start (issue 16,
    // defect 10; this test expected the flag before).
    await table.getByRole("link", { name: WAVE_2 }).waitFor();
    expect(await table.getByRole("row").nth(2).textContent()).not.toContain("blockiert");
    await expectNoAccessibilityViolations(page);
  });

  it("opens a measure, adds a milestone and mentions a colleague in a comment", async () => {
    await page.getByRole("link", { name: WAVE_1 }).click();
    await page.getByRole("heading", { level: 1, name: WAVE_1 }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Neuer Meilenstein").fill("Testmigration abgeschlossen");
    await page.getByLabel("Fällig am (Meilenstein)").fill("2027-06-30");
    await page.getByRole("button", { name: "Meilenstein hinzufügen" }).click();
    await page.getByRole("cell", { name: "Testmigration abgeschlossen", exact: true }).waitFor();
    await page.getByLabel("Neuer Kommentar").fill(`@${COLLEAGUE.email} bitte Termin prüfen`);
    await page.getByRole("button", { name: "Kommentar speichern" }).click();
    await page.getByText(/Benachrichtigt: it-leitung/).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("sees the measures on the roadmap with the critical path, as Gantt and as table", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Roadmap" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Roadmap" }).waitFor();
    await page.getByText(`${WAVE_1} → ${WAVE_2} (731 Tage)`).waitFor();
    const group = page.getByRole("region", { name: "Einwohnerwesen" });
    await group.getByRole("link", { name: WAVE_2 }).waitFor();
    expect(await group.getByRole("listitem").nth(1).textContent()).toContain("kritischer Pfad");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Gruppieren nach").selectOption("kreis");
    await page.getByRole("radio", { name: "Tabelle" }).check();
    const table = page.getByRole("table", { name: /gruppiert nach Kreis/ });
    await table.getByRole("cell", { name: "Kreis Lippe" }).first().waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("records a Lenkungskreis decision that releases wave 1", async () => {
    await page.getByRole("link", { name: "Gremien & Beschlüsse" }).click();
    await page.getByRole("heading", { level: 1, name: "Gremien & Beschlüsse" }).waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Gremium").selectOption({ label: "Lenkungskreis IT-Konsolidierung" });
    await page.getByLabel("Datum des Beschlusses").fill("2026-11-20");
    await page.getByLabel("Titel des Beschlusses").fill("Welle 1 Einwohnerwesen freigegeben");
    await page.getByLabel(/^Dokument/).fill("Niederschrift LK 4/2026, TOP 3");
    await page.getByLabel(WAVE_1, { exact: true }).check();
    await page.getByLabel(/^Betroffene Szenarien/).fill(SCENARIO);
    await page.getByRole("button", { name: "Beschluss speichern" }).click();
    await page.getByText("Beschluss „Welle 1 Einwohnerwesen freigegeben“ erfasst.").waitFor();
    const decisions = page.getByRole("table", { name: "Beschlüsse, neueste zuerst" });
    await decisions.getByRole("cell", { name: "Lenkungskreis IT-Konsolidierung" }).waitFor();
    expect(await decisions.textContent()).toContain("Niederschrift LK 4/2026, TOP 3");
    await expectNoAccessibilityViolations(page);

    await decisions.getByRole("link", { name: WAVE_1 }).click();
    await page.getByRole("heading", { level: 1, name: WAVE_1 }).waitFor();
    await page
      .getByText(/Lenkungskreis IT-Konsolidierung: Welle 1 Einwohnerwesen freigegeben/)
      .waitFor();
  });

  it("the mentioned colleague finds the notification in the header", async () => {
    const colleagueContext = await browser.newContext({ locale: "de-DE" });
    const colleague = await colleagueContext.newPage();
    await signIn(colleague, COLLEAGUE);
    const bell = colleague.getByRole("button", { name: "Benachrichtigungen (1 ungelesen)" });
    await bell.click();
    await colleague
      .getByRole("link", { name: new RegExp(`erwähnt: Maßnahme „${WAVE_1}“`) })
      .click();
    await colleague.getByRole("heading", { level: 1, name: WAVE_1 }).waitFor();
    await colleague.getByRole("button", { name: "Benachrichtigungen" }).waitFor();
    await expectNoAccessibilityViolations(colleague);
    await colleagueContext.close();
  });
});
