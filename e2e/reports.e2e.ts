import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../packages/server/src/export/textPdf.ts";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "kennzahlen@kdn.example.org", password: "Kennzahlen-Bericht-2026" };
const DETMOLD_TEAM = { email: "it@detmold.example.org", password: "Detmold-Experten-2026" };
const DETMOLD = "05766020";
const LIPPE = "05766";

let server: TestServer;
let browser: Browser;
let analystContext: BrowserContext;
let analyst: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  await createAccount(server, {
    ...DETMOLD_TEAM,
    roles: [{ role: "kommune_bearbeiter", organisationKey: DETMOLD, providerId: null }],
  });
  browser = await launchBrowser();
  analystContext = await browser.newContext({ locale: "de-DE", acceptDownloads: true });
  analyst = await analystContext.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(account.email);
  await page.getByLabel("Passwort").fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
}

describe("Kennzahlen, Expertenverzeichnis und Berichte journey", () => {
  it("an analyst takes two KPI snapshots and sees both in the chart", async () => {
    await signIn(analyst, ANALYST);
    await analyst.getByRole("link", { name: "Kennzahlen" }).click();
    await analyst.getByRole("heading", { level: 1, name: "Kennzahlen" }).waitFor();
    await analyst.getByLabel("Ebene").selectOption("kreis");
    await analyst.getByRole("option", { name: `Kreis Lippe (${LIPPE})` }).waitFor({
      state: "attached",
      timeout: 60_000,
    });
    await analyst.getByLabel("Gebiet", { exact: true }).selectOption(LIPPE);
    await analyst.getByRole("table", { name: "Aktuelle Kennzahlen – Kreis Lippe" }).waitFor();
    await expectNoAccessibilityViolations(analyst);

    const take = analyst.getByRole("button", { name: "Jetzt erfassen" });
    await take.click();
    await analyst.getByText(/Kennzahlen erfasst \(\d+ Gebiete, Erfassung 1\)/).waitFor();
    await take.click();
    await analyst.getByText(/Kennzahlen erfasst \(\d+ Gebiete, Erfassung 2\)/).waitFor();

    const chart = analyst.getByRole("img", { name: "Kennzahlen über die Zeit – Kreis Lippe" });
    await chart.waitFor();
    await analyst.getByText("Daten als Tabelle").click();
    const table = analyst.getByRole("table", { name: /Kennzahlen je Erfassung – Kreis Lippe/ });
    await expect.poll(() => table.getByRole("row").count()).toBe(3);
    // Two points per line in the rendered SVG (ECharts draws each symbol as a path).
    await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(4);
    await expectNoAccessibilityViolations(analyst);
  });

  it("Detmold's editor adds an expert with a stated purpose and deletes the entry again", async () => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await signIn(page, DETMOLD_TEAM);
    await page.goto(`${server.url}/kommunen/${DETMOLD}`);
    await page.getByRole("heading", { name: "Expertenverzeichnis" }).waitFor();
    await page.getByText(/^Zweck: Ansprechpersonen der Kommune/).waitFor();
    const form = page.getByRole("form", { name: "Eintrag für Detmold hinzufügen" });
    await form.getByLabel("Rolle").selectOption("digitalisierungsexpertin");
    await form.getByLabel("Name").fill("Dana Digital");
    await form.getByLabel("Funktion").fill("Digitalisierungsbeauftragte");
    await form.getByLabel("Dienstliche E-Mail").fill("digital@detmold.example.org");
    await form.getByRole("button", { name: "Hinzufügen" }).click();
    const table = page.getByRole("table", { name: "Ansprechpersonen von Detmold" });
    await table.getByRole("row", { name: /Dana Digital/ }).waitFor();
    await expectNoAccessibilityViolations(page);

    await table.getByRole("button", { name: "Löschen (Dana Digital)" }).click();
    await page.getByText("Eintrag Dana Digital gelöscht.").waitFor();
    await page.getByText("Für Detmold sind noch keine Ansprechpersonen eingetragen.").waitFor();
    await expectNoAccessibilityViolations(page);
    await context.close();
  });

  it("the analyst sees the directory of Detmold, now empty", async () => {
    await analyst.goto(`${server.url}/kommunen/${DETMOLD}`);
    await analyst.getByRole("heading", { name: "Expertenverzeichnis" }).waitFor();
    await analyst.getByText("Für Detmold sind noch keine Ansprechpersonen eingetragen.").waitFor();
    expect(await analyst.getByRole("form", { name: /Eintrag für Detmold/ }).count()).toBe(0);
  });

  it("downloads the Kreis Lippe landscape report with the Kreis's figures", async () => {
    await analyst.getByRole("link", { name: "Berichte" }).click();
    await analyst.getByRole("heading", { level: 1, name: "Berichte" }).waitFor();
    await analyst.getByRole("option", { name: `Kreis Lippe (${LIPPE})` }).waitFor({
      state: "attached",
    });
    await analyst.getByLabel("Gebiet", { exact: true }).selectOption(LIPPE);
    await expectNoAccessibilityViolations(analyst);
    const [download] = await Promise.all([
      analyst.waitForEvent("download"),
      analyst.getByRole("button", { name: "PDF herunterladen" }).click(),
    ]);
    await analyst.getByText("Bericht erstellt und heruntergeladen.").waitFor();
    await expectNoAccessibilityViolations(analyst);
    const path = await download.path();
    const text = extractPdfText(await readFile(path));

    // The figures the Kennzahlen page shows for the Kreis, in de-DE format.
    const current = await analystContext.request.get(`${server.url}/api/kpi/current?level=kreis`);
    const lippe = (
      (await current.json()) as {
        items: Array<{ key: string; figures: { kommunen: number; population: number } }>;
      }
    ).items.find((item) => item.key === LIPPE);
    expect(lippe).toBeDefined();
    const german = new Intl.NumberFormat("de-DE");
    expect(text).toContain("IT-Landschaftsbericht Kreis Lippe");
    expect(text).toContain(
      `Kommunen (Kreise und Gemeinden)\n${german.format(lippe?.figures.kommunen ?? -1)}`,
    );
    expect(text).toContain(
      `Einwohner (Zensus 2022)\n${german.format(lippe?.figures.population ?? -1)}`,
    );
    expect(text).toContain("© GeoBasis-DE / BKG (Daten verändert) – dl-de/by-2-0");
  });
});
