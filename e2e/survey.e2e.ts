import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../packages/server/src/export/textPdf.ts";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "analyse@kdn.example.org", password: "Analyse-Bedarf-2026" };
const BLOMBERG_TEAM = { email: "it@blomberg.example.org", password: "Blomberg-Strategie-2026" };
const BLOMBERG = "05766016";
const TITLE = "Bedarfserhebung Lippe 2026";

let server: TestServer;
let browser: Browser;
let analystContext: BrowserContext;
let analyst: Page;
let campaignUrl = "";
let surveyLink = "";

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  await createAccount(server, {
    ...BLOMBERG_TEAM,
    roles: [{ role: "kommune_bearbeiter", organisationKey: BLOMBERG, providerId: null }],
  });
  browser = await launchBrowser();
  analystContext = await browser.newContext({ locale: "de-DE" });
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

function inDays(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe("Bedarfserhebung und IT-Strategie journey", () => {
  it("an analyst designs a campaign for Kreis Lippe and starts it", async () => {
    await signIn(analyst, ANALYST);
    await analyst.goto(`${server.url}/bedarfserhebung`);
    await analyst.getByRole("heading", { level: 1, name: "Bedarfserhebung" }).waitFor();
    await expectNoAccessibilityViolations(analyst);
    await analyst.getByRole("link", { name: "Neue Erhebung anlegen" }).click();
    await analyst.waitForURL(/\/bedarfserhebung\/neu$/);

    await analyst.getByLabel("Titel", { exact: true }).fill(TITLE);
    await analyst.getByLabel("Ende (Frist)").fill(inDays(60));
    await analyst.getByLabel("Zielgruppe").selectOption("kreis");
    await analyst.getByLabel("Kreis", { exact: true }).selectOption("05766");
    await analyst.getByRole("button", { name: "Frage hinzufügen" }).click();
    await analyst.locator("#frage-def-0-label").fill("Ansprechperson");
    await analyst.locator("#frage-def-0-typ").selectOption("text");
    await analyst.locator("#frage-def-0-pflicht").check();
    await analyst.getByLabel("Abschnitt (Leistungsbereich)").selectOption("einwohnerwesen");
    await analyst
      .getByRole("button", { name: "Standardfragen zum Leistungsbereich hinzufügen" })
      .click();
    await analyst.getByRole("group", { name: /Frage 4 · Einwohnerwesen/ }).waitFor();
    await expectNoAccessibilityViolations(analyst);
    await analyst.getByRole("button", { name: "Erhebung anlegen" }).click();
    await analyst.waitForURL(/\/bedarfserhebung\/\d+$/);
    campaignUrl = analyst.url();
    await analyst.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expectNoAccessibilityViolations(analyst);

    await analyst.getByRole("button", { name: "Erhebung starten" }).click();
    const dialog = analyst.getByRole("dialog", { name: "Erhebung jetzt starten?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Jetzt starten" }).click();
    await analyst.getByRole("heading", { name: "Fortschritt" }).waitFor();
    await analyst
      .getByText("17 Kommunen befragt: 17 Nicht begonnen, 0 In Bearbeitung")
      .first()
      .waitFor();
    await analyst
      .getByRole("img", { name: /Antwortstatus je Gemeinde/ })
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(analyst);
  });

  it("creates a personal link for Blomberg, shown once", async () => {
    await analyst.getByRole("button", { name: "Einladungslink erzeugen (Blomberg)" }).click();
    const dialog = analyst.getByRole("dialog", { name: "Einladungslink für Blomberg" });
    await dialog.getByLabel(/Für wen ist der Link/).fill("Herr Expert, Bürgerbüro");
    await dialog.getByRole("button", { name: "Link erzeugen" }).click();
    const link = dialog.getByLabel("Persönlicher Link");
    await link.waitFor();
    surveyLink = await link.inputValue();
    expect(surveyLink).toMatch(/\/erhebung\?token=.{20,}/);
    await expectNoAccessibilityViolations(analyst);
    await dialog.getByRole("button", { name: /Gesichert/ }).click();
  });

  it("an expert without an account answers and submits through the link", async () => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(surveyLink);
    await page.getByRole("heading", { level: 1, name: `Bedarfserhebung: ${TITLE}` }).waitFor();
    await page.getByRole("heading", { name: "Einwohnerwesen" }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel(/Ansprechperson/).fill("Herr Expert");
    await page.getByRole("radio", { name: "Eigener Betrieb", exact: true }).check();
    await page.getByLabel(/Eigenes IT-Personal/).fill("2,5");
    await page.getByRole("radio", { name: "Vor Ort (eigener Betrieb)", exact: true }).check();
    await page
      .getByRole("status")
      .filter({ hasText: /Entwurf gespeichert um/ })
      .waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Absenden" }).click();
    const dialog = page.getByRole("dialog", { name: "Antworten absenden?" });
    await dialog.getByRole("button", { name: "Jetzt absenden" }).click();
    await page.getByText("Ihre Antworten wurden eingereicht. Vielen Dank!").waitFor();
    await expectNoAccessibilityViolations(page);
    await context.close();
  });

  it("the analyst accepts the answers and applies them to the landscape", async () => {
    await analyst.goto(campaignUrl);
    await analyst.getByRole("link", { name: "Antworten prüfen (Blomberg)" }).click();
    await analyst.waitForURL(new RegExp(`/pruefung/${BLOMBERG}$`));
    await analyst.getByText("Herr Expert", { exact: true }).waitFor();
    await expectNoAccessibilityViolations(analyst);
    await analyst.getByRole("button", { name: "Annehmen" }).click();
    await analyst.getByText("Die Antworten sind angenommen.").waitFor();
    await analyst.getByRole("button", { name: "In die Landkarte übernehmen" }).click();
    await analyst.getByText(/Leistungsbereich\(e\) übernommen/).waitFor();
    await expectNoAccessibilityViolations(analyst);
  });

  it("Blomberg's team adopts its IT-Strategie from the suggestions and gets the PDF", async () => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await signIn(page, BLOMBERG_TEAM);
    // The Kommune's own view of its surveys and its (now read-only) answers.
    await page.goto(`${server.url}/bedarfserhebung`);
    await page.getByRole("link", { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/kommunen/${BLOMBERG}$`));
    await page.getByText("Die Antworten können nicht mehr geändert werden.").waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/kommunen/${BLOMBERG}/strategie`);
    const row = page.getByRole("region", { name: "Einwohnerwesen", exact: true });
    await row.getByText("Gewünschtes Betriebsmodell laut Bedarfserhebung.").first().waitFor();
    await expectNoAccessibilityViolations(page);

    await row.getByRole("button", { name: "Vorschlag übernehmen (Einwohnerwesen)" }).click();
    expect(await row.getByLabel("Zielbetriebsmodell (Einwohnerwesen)").inputValue()).toBe(
      "vor_ort",
    );
    expect(await row.getByLabel("Vor Ort notwendig (Einwohnerwesen)").isChecked()).toBe(true);
    await row.getByLabel("Begründung (Einwohnerwesen)").fill("Bürgerbüro mit Publikumsverkehr");
    await row.getByLabel("Zieljahr (Einwohnerwesen)").fill("2028");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Entwurf gespeichert." }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Datum des Ratsbeschlusses").fill("2026-06-30");
    await page.getByRole("button", { name: "Strategie beschließen" }).click();
    const dialog = page.getByRole("dialog", { name: "IT-Strategie beschließen?" });
    await dialog.getByRole("button", { name: "Jetzt beschließen" }).click();
    await page.getByText("Version 1 beschlossen am 30.06.2026.").waitFor();
    const pdfLink = page.getByRole("link", { name: "PDF herunterladen (Version 1)" });
    await pdfLink.waitFor();
    await expectNoAccessibilityViolations(page);

    const href = await pdfLink.getAttribute("href");
    const pdf = await context.request.get(`${server.url}${href ?? ""}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const text = extractPdfText(await pdf.body());
    expect(text).toContain("beschlossen am 30.06.2026");
    expect(text).toContain("Zielbetriebsmodell: Vor Ort (eigener Betrieb)");
    expect(text).toContain("Begründung: Bürgerbüro mit Publikumsverkehr");

    await page.goto(`${server.url}/strategien/vor-ort`);
    await page
      .getByRole("table", { name: /vor Ort notwendig beschlossene/ })
      .getByRole("link", { name: "Blomberg" })
      .waitFor();
    await expectNoAccessibilityViolations(page);
    await context.close();
  });
});
