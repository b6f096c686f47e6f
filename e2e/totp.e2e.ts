import type { Browser, BrowserContext, Page } from "playwright-core";
import { nextTotpCode } from "@it-atlas/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

// Issue 15.5: an administrator sets up the second factor (TOTP) and signs in with it.
const ADMIN = { email: "neue-admin@kdn.example.org", password: "Verwaltung-Zwei-Faktor-26" };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ADMIN,
    roles: [{ role: "administrator", organisationKey: null, providerId: null }],
  });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "de-DE" });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function enterPassword() {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(ADMIN.email);
  await page.getByLabel("Passwort", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

describe("second factor journey", () => {
  it("an administrator without TOTP is led to set it up, sets it up and then signs in with it", async () => {
    await enterPassword();
    // The role is not effective yet: the app leads to the set-up with a clear message.
    await page.waitForURL((url) => url.pathname === "/konto/zwei-faktor");
    await expect
      .poll(() => page.getByText("Ihre Administrator-Rechte sind noch nicht wirksam").count())
      .toBe(1);
    const refused = await context.request.get(`${server.url}/api/admin/users`);
    expect(refused.status()).toBe(403);
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Einrichtung starten" }).click();
    const qr = page.getByRole("img", {
      name: "QR-Code mit dem Schlüssel für die Authenticator-App",
    });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    const secret = ((await page.locator(".atlas-totp-secret").textContent()) ?? "").replace(
      /\s/g,
      "",
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Code aus der Authenticator-App").fill(await nextTotpCode(secret));
    await page.getByRole("button", { name: "Bestätigen und einschalten" }).click();
    await page.getByRole("heading", { name: "Ihre Wiederherstellungscodes" }).waitFor();
    const recoveryCodes = await page.locator(".atlas-recovery-codes code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Ich habe die Codes sicher aufbewahrt" }).click();
    await expect
      .poll(() => page.getByText("Die Zwei-Faktor-Anmeldung ist eingeschaltet").count())
      .toBe(1);
    // Enrolled in this session: the administrator role works at once.
    expect((await context.request.get(`${server.url}/api/admin/users`)).status()).toBe(200);

    // A new sign-in: password, then the code from the app.
    await context.clearCookies();
    await enterPassword();
    const codeField = page.getByLabel("Code aus der Authenticator-App oder Wiederherstellungscode");
    await codeField.waitFor();
    await expectNoAccessibilityViolations(page);
    await codeField.fill(await nextTotpCode(secret));
    await page.getByRole("button", { name: "Bestätigen" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
    await page.goto(`${server.url}/verwaltung/benutzer`);
    await page.getByRole("table").getByText(ADMIN.email).first().waitFor();
    expect(await page.getByText("Zwei-Faktor-Anmeldung erforderlich").count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });
});
