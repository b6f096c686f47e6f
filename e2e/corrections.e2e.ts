import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const DETMOLD = "05766020";
const EDITOR = { email: "it@detmold.example.org", password: "Detmold-Korrektur-2026" };
const ANALYST = { email: "daten@kdn.example.org", password: "Kdn-Pruefung-2026" };
const SOURCE_URL = "https://www.detmold.de/rat/beschluss-2026-117";

let server: TestServer;
let browser: Browser;
let editorContext: BrowserContext;
let analystContext: BrowserContext;
let editor: Page;
let analyst: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...EDITOR,
    roles: [{ role: "kommune_bearbeiter", organisationKey: DETMOLD, providerId: null }],
  });
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  browser = await launchBrowser();
  editorContext = await browser.newContext({ locale: "de-DE" });
  analystContext = await browser.newContext({ locale: "de-DE" });
  editor = await editorContext.newPage();
  analyst = await analystContext.newPage();
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

describe("corrections with history", () => {
  let correctionId = 0;

  it("a Kommune-Bearbeiter of Detmold proposes a membership correction with a source", async () => {
    await signIn(editor, EDITOR);
    await editor.goto(`${server.url}/kommunen/${DETMOLD}`);
    const form = editor.getByRole("form", { name: "Korrektur für Detmold vorschlagen" });
    await form.waitFor();
    await form.getByLabel("Art der Korrektur").selectOption("membership_change");
    await form
      .getByLabel("Mitgliedschaft", { exact: true })
      .selectOption({ label: "krz: Verbandsmitglied" });
    await form.getByLabel("Beziehung").selectOption("kunde_vollumfaenglich");
    await form.getByLabel("Gültig ab (optional)").fill("2026-01-01");
    await form.getByLabel("Quelle: Internetadresse (optional)").fill(SOURCE_URL);
    await form.getByLabel("Quelle: Dokument (optional)").fill("Ratsbeschluss 2026/117");
    await form.getByLabel("Datum des Belegs").fill("2026-03-01");
    await form.getByRole("button", { name: "Korrektur vorschlagen" }).click();
    const status = form.getByRole("status");
    await status.getByText(/Ihr Vorschlag Nr\. \d+ ist eingegangen/).waitFor();
    correctionId = Number(/Nr\. (\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    expect(correctionId).toBeGreaterThan(0);
    // Until KDN decides, the profile shows the sourced fact.
    const table = editor.getByRole("table", { name: "IT-Dienstleister von Detmold" });
    expect(await table.textContent()).toContain("Verbandsmitglied");
    await expectNoAccessibilityViolations(editor);
  });

  it("a KDN analyst accepts it with a reason", async () => {
    await signIn(analyst, ANALYST);
    await analyst.goto(`${server.url}/korrekturen`);
    await analyst.getByRole("heading", { level: 1, name: "Korrekturen" }).waitFor();
    const link = analyst.getByRole("link", { name: /Mitgliedschaft ändern: Detmold/ });
    await link.click();
    await analyst
      .getByRole("heading", { level: 1, name: `Korrektur Nr. ${correctionId}` })
      .waitFor();
    expect(await analyst.locator("main").textContent()).toContain(SOURCE_URL);
    await expectNoAccessibilityViolations(analyst);
    await analyst.getByLabel("Begründung").fill("Ratsbeschluss liegt vor.");
    await analyst.getByRole("button", { name: "Annehmen" }).click();
    await analyst.getByText(/angenommen am .*Ratsbeschluss liegt vor\./).waitFor();
  });

  it("Detmold's profile shows the new fact with its source and the old one in the history", async () => {
    await editor.goto(`${server.url}/kommunen/${DETMOLD}`);
    const current = editor.getByRole("table", { name: "IT-Dienstleister von Detmold" });
    await current.getByText("Kunde (vollumfänglich)").waitFor();
    const currentText = (await current.textContent()) ?? "";
    expect(currentText).toContain("selbst gemeldet");
    expect(currentText).toContain("Ratsbeschluss 2026/117");
    expect(currentText).toContain("Stand 01.03.2026");
    expect(await current.getByRole("link", { name: /Beleg 1/ }).getAttribute("href")).toBe(
      SOURCE_URL,
    );

    const history = editor.getByRole("table", { name: "Verlauf der Mitgliedschaften von Detmold" });
    await history.waitFor();
    const rows = history.getByRole("row");
    expect(await rows.count()).toBe(3);
    const old = (await rows.nth(2).textContent()) ?? "";
    expect(old).toContain("Verbandsmitglied");
    expect(old).toContain("belegt");
    expect(old).toContain("01.01.2026");
    expect(old).toContain(`Korrektur Nr. ${correctionId}`);
    expect((await rows.nth(1).textContent()) ?? "").toContain("aktuell");
    await expectNoAccessibilityViolations(editor);
  });

  it("the Datenlage map reflects it: Detmold's newest evidence is the accepted correction", async () => {
    await editor.goto(`${server.url}/datenlage`);
    await editor.getByRole("heading", { level: 1, name: "Datenlage" }).waitFor();
    // Before the correction Detmold's newest evidence was of 2021 (veraltet after 24 months).
    const area = editor.getByRole("button", {
      name: "Detmold: aktuell, weniger als die Hälfte belegt, neuester Beleg 01.03.2026",
    });
    await area.waitFor();
    expect(await area.getAttribute("fill")).toBe("#E69F00");
    const table = editor.getByRole("table", { name: /Datenlage je Kommune und Kreis/ });
    await table.waitFor();
    await expectNoAccessibilityViolations(editor);
  });
});
