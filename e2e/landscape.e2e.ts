import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const EDITOR = { email: "detmold@example.org", password: "Detmold-Bearbeitung-2026" };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...EDITOR,
    roles: [{ role: "kommune_bearbeiter", organisationKey: "05766020", providerId: null }],
  });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "de-DE" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function today(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
}

describe("IT-Landkarte journey", () => {
  it("asks anonymous visitors to sign in, and a Kommune-Bearbeiterin of Detmold signs in", async () => {
    await page.goto(`${server.url}/landkarte`);
    await page.getByText("Bitte melden Sie sich an").first().waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Jetzt anmelden" }).first().click();
    await page.waitForURL(/\/anmelden/);
    await page.getByLabel("E-Mail-Adresse").fill(EDITOR.email);
    await page.getByLabel("Passwort").fill("falsches-Passwort-123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByText("E-Mail-Adresse oder Passwort ist falsch.").first().waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Passwort").fill(EDITOR.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL(/\/landkarte/);
  });

  it("goes from the Landkarte to a domain and a Kommune, edits its sourcing and sees the change in the history", async () => {
    await page.goto(`${server.url}/landkarte`);
    await page.getByLabel("Leistungsbereich").selectOption("einwohnerwesen");
    await page
      .getByRole("group", { name: /Einwohnerwesen: IT-Dienstleister je Kommune/ })
      .waitFor();
    await page.getByText("Demodaten (synthetisch)").first().waitFor();
    await expectNoAccessibilityViolations(page);

    // Kreis level: a Kreis aggregates its Gemeinden, none says „keine Angabe“ (issue 16).
    await page.getByLabel("Kartenebene").selectOption("kreis");
    const kreise = page.getByRole("group", { name: /Einwohnerwesen: IT-Dienstleister je Kommune/ });
    await kreise
      .getByRole("button", { name: /^(Kreis )?Lippe: 1[0-6] Gemeinden: / })
      .first()
      .waitFor();
    expect(await kreise.getByRole("button", { name: /keine Angabe$/ }).count()).toBe(0);
    await page.getByLabel("Kartenebene").selectOption("");

    // Keyboard on the map: the focused Kommune's description is its accessible name.
    const table = page.getByRole("table", { name: /Einwohnerwesen: Bezug je Kommune/ });
    await table.getByRole("link", { name: "Detmold", exact: true }).click();
    await page.waitForURL(/\/kommunen\/05766020$/);
    await page.getByRole("heading", { level: 1, name: "Detmold" }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Bearbeiten (Einwohnerwesen)" }).click();
    const dialog = page.getByRole("dialog", { name: /Einwohnerwesen/ });
    await dialog.waitFor();
    await dialog.getByLabel("Laufende Kosten in € pro Jahr").fill("123.456,78");
    await dialog.getByLabel("Gültig ab").fill(today());
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert" }).waitFor();

    await page.getByRole("button", { name: "Verlauf (Einwohnerwesen)" }).click();
    const history = page.getByRole("list", { name: "Verlauf Einwohnerwesen" });
    await history.waitFor();
    await history
      .getByText(/123\.456/)
      .first()
      .waitFor();
    await history.getByText("Bearbeitung").first().waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("refuses another Kommune's edit in the UI and at the API", async () => {
    await page.goto(`${server.url}/kommunen/05766044`);
    await page.getByRole("heading", { level: 1, name: "Lemgo" }).waitFor();
    await page.getByRole("button", { name: "Verlauf (Einwohnerwesen)" }).waitFor();
    expect(await page.getByRole("button", { name: /^Bearbeiten/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    const session = await context.request.get(`${server.url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const refused = await context.request.put(
      `${server.url}/api/organisations/05766044/sourcing/einwohnerwesen`,
      {
        headers: { "x-csrf-token": csrfToken },
        data: { operatingModel: "eigenbetrieb", validFrom: today() },
      },
    );
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-type"]).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "Dafür fehlt Ihnen die Berechtigung.",
    );
  });
});
