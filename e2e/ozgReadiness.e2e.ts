import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { signInViaApi } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { E2E_ADMIN, startTestServer, type TestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "de-DE", acceptDownloads: true });
  await signInViaApi(
    context,
    server.url,
    E2E_ADMIN.email,
    E2E_ADMIN.password,
    E2E_ADMIN.totpSecret,
  );
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function coverage(): Promise<{ online: number; responsible: number }> {
  const text = await page.locator("#abdeckung-wert").innerText();
  const match = /(\d+) von (\d+) zuständigen OZG-Leistungen online/.exec(text);
  if (!match) throw new Error(`Abdeckung nicht lesbar: ${text}`);
  return { online: Number(match[1]), responsible: Number(match[2]) };
}

describe("OZG readiness journey", () => {
  it("finds the Kommunen in RB Arnsberg without central E-Payment, exports them, and updates a Kommune's status", async () => {
    await page.goto(`${server.url}/ozg-umsetzung`);
    await page.getByRole("heading", { level: 1, name: "OZG-Umsetzung" }).waitFor();
    await page.getByRole("table", { name: /Zentrale Dienste und EfA-Dienste/ }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Dienst", { exact: true }).selectOption("epayment-nrw");
    await page.getByLabel("Regierungsbezirk", { exact: true }).selectOption("059");
    await page.getByLabel("Stand beim Dienst", { exact: true }).selectOption("nicht_angebunden");
    await page.waitForURL(/rb=059/);
    await page.waitForURL(/status=nicht_angebunden/);
    // First the render with all three filters (the URL changes before React renders it) …
    await page
      .getByRole("group", {
        name: /Zentrale E-Payment-Plattform.*noch nicht angebunden in Regierungsbezirk Arnsberg/,
      })
      .waitFor();
    // … then its answer: the list keeps the previous rows while the filtered ones load
    // (aria-busy, and a heading without a count).
    await expect
      .poll(() =>
        page.locator('section[aria-labelledby="ozg-liste-titel"]').getAttribute("aria-busy"),
      )
      .toBe("false");
    const heading = page.getByRole("heading", { level: 2, name: /^Liste: \d+ Kommunen$/ });
    await heading.waitFor();
    const listed = Number(/(\d+)/.exec(await heading.innerText())?.[1]);
    expect(listed).toBeGreaterThan(0);
    const table = page.getByRole("table", {
      name: /noch nicht angebunden – Regierungsbezirk Arnsberg/,
    });
    for (const cell of await table.locator("tbody tr td:nth-child(4)").allInnerTexts()) {
      expect(["fehlt", "geplant", "in Anbindung"]).toContain(cell.trim());
    }
    await expectNoAccessibilityViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Liste als CSV exportieren" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      "ozg-umsetzung-epayment-nrw-059-nicht_angebunden.csv",
    );
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("Status Zentrale E-Payment-Plattform");
    expect(csv.trim().split("\r\n")).toHaveLength(listed + 1);

    const first = table.locator("tbody tr th a").first();
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/\/ozg-umsetzung\/kommunen\/059\d+$/);
    await page.getByRole("heading", { level: 1, name: `OZG-Umsetzung: ${name}` }).waitFor();
    await page.locator("#abdeckung-wert").waitFor();
    const before = await coverage();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Status", { exact: true }).selectOption("offen");
    const change = page.getByRole("button", { name: /^Status ändern: / }).first();
    const leistung = ((await change.getAttribute("aria-label")) ?? "")
      .replace(/^Status ändern:\s*/, "")
      .trim();
    const leistungHref = await change
      .locator("xpath=ancestor::tr")
      .locator("th a")
      .getAttribute("href");
    await change.click();
    const dialog = page.getByRole("dialog", { name: `Umsetzungsstand: ${leistung}` });
    await dialog.waitFor();
    await expectNoAccessibilityViolations(page);
    await dialog.getByRole("radio", { name: "online" }).check();
    await dialog.getByLabel(/Quelle der Angabe/).fill("Telefonat (E2E)");
    await dialog.getByRole("button", { name: "Speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Gespeichert: ${leistung}` })
      .waitFor();
    await expect.poll(async () => (await coverage()).online).toBe(before.online + 1);
    expect((await coverage()).responsible).toBe(before.responsible);
    await expectNoAccessibilityViolations(page);

    // The Leistung's page shows the change first in its history, with who made it.
    expect(leistungHref).toMatch(/^\/ozg\/\d+$/);
    await page.goto(`${server.url}${leistungHref ?? ""}`);
    const history = page.getByRole("table", { name: /^Verlauf der Umsetzung von / });
    await history.waitFor();
    const newest = history.locator("tbody tr").first();
    expect(await newest.locator("th").innerText()).toBe(name);
    const cells = await newest.locator("td").allInnerTexts();
    expect(cells[2]?.trim()).toBe("online");
    expect(cells.at(-1)?.trim()).toBe(E2E_ADMIN.email);
    await expectNoAccessibilityViolations(page);
  });

  it("shows the service catalogue, the exchange, the import and the documented rule accessibly", async () => {
    await page.goto(`${server.url}/ozg-umsetzung/dienste`);
    await page
      .getByRole("heading", { level: 1, name: "Onlinedienste und Basiskomponenten" })
      .waitFor();
    await page
      .getByRole("link", { name: "Zentrale E-Payment-Plattform (ePayBL-basiert)" })
      .waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/ozg-umsetzung/austausch`);
    await page.getByRole("heading", { level: 1, name: "Leistungsaustausch" }).waitFor();
    await page.getByRole("button", { name: "Digitaler Bauantrag zur Mitnutzung (Demo)" }).click();
    await page.getByRole("heading", { level: 4, name: /Vereinbarungen \(1\)/ }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/ozg-umsetzung/import`);
    await page.getByRole("heading", { level: 1, name: "Umsetzungsstand importieren" }).waitFor();
    await page.getByLabel("Datei (Excel oder CSV)").setInputFiles({
      name: "stand.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Schlüssel;OZG-ID;Status;Stand\n05958004;10124;online;01.03.2026\n05958004;99999;online;01.03.2026\n",
      ),
    });
    await page.getByRole("button", { name: "Prüfen" }).click();
    await page.getByText("1 Fehler – die Datei kann so nicht übernommen werden.").waitFor();
    await page.getByRole("cell", { name: "Es gibt keine OZG-Leistung 99999." }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/ozg-umsetzung/regeln`);
    await page.getByRole("heading", { level: 1, name: "Zuständigkeitsregel" }).waitFor();
    await page.getByRole("table", { name: "Zuständige Kommunentypen je LeiKa-Typ" }).waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
