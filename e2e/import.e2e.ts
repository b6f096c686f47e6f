import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { signInViaApi } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { E2E_ADMIN, startTestServer, type TestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let folder: string;

beforeAll(async () => {
  server = await startTestServer();
  folder = await mkdtemp(join(tmpdir(), "atlas-import-e2e-"));
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "de-DE", acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function today(): Date {
  const iso = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());
  return new Date(`${iso}T00:00:00Z`);
}

/** Fills the template's "Bezüge" sheet the way a person would in Excel. */
async function fillTemplate(
  template: string,
  target: string,
  lemgoProvider: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet("Bezüge");
  if (!sheet) throw new Error("Blatt „Bezüge“ fehlt in der Vorlage");
  const headers = (sheet.getRow(1).values as unknown[]).map((value) =>
    typeof value === "string" ? value : "",
  );
  const column = (header: string) => headers.indexOf(header);
  const fill = (row: number, values: Record<string, ExcelJS.CellValue>) => {
    for (const [header, value] of Object.entries(values))
      sheet.getCell(row, column(header)).value = value;
  };
  // Excel turns the AGS into a number and drops the leading zero; the import repairs it.
  fill(2, {
    AGS: 5766020,
    Leistungsbereich: "einwohnerwesen",
    Betriebsmodell: "Land",
    "Gültig ab": today(),
  });
  fill(3, {
    AGS: "05766044",
    Leistungsbereich: "einwohnerwesen",
    Betriebsmodell: "IT-Dienstleister",
    "IT-Dienstleister": lemgoProvider,
    "Laufende Kosten (€/Jahr)": 98765.4,
    "Gültig ab": today(),
  });
  await workbook.xlsx.writeFile(target);
}

async function upload(file: string): Promise<void> {
  await page.getByLabel(/^Datei \(Excel/).setInputFiles(file);
  await page.getByRole("button", { name: "Hochladen und prüfen" }).click();
  await page.getByRole("heading", { level: 2, name: /^3\. Vorschau/ }).waitFor();
}

describe("import journey", () => {
  it("downloads the template, uploads it with one error, fixes it, commits and sees the rows on the Landkarte", async () => {
    await signInViaApi(
      context,
      server.url,
      E2E_ADMIN.email,
      E2E_ADMIN.password,
      E2E_ADMIN.totpSecret,
    );
    await page.goto(`${server.url}/import-export`);
    await page.getByRole("heading", { level: 1, name: "Import und Export" }).waitFor();
    await expectNoAccessibilityViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Vorlage „Bezüge“ herunterladen/ }).click(),
    ]);
    const template = join(folder, "vorlage.xlsx");
    await download.saveAs(template);

    const broken = join(folder, "bezuege-fehler.xlsx");
    await fillTemplate(template, broken, "gibt-es-nicht");
    await upload(broken);
    const counts = page.getByRole("definition");
    await expect.poll(() => counts.allTextContents()).toEqual(["0", "1", "0", "1"]);
    const problems = page.getByRole("table", { name: /Probleme/ });
    await problems
      .getByRole("cell", { name: "IT-Dienstleister „gibt-es-nicht“ ist unbekannt." })
      .waitFor();
    await expect(
      problems.getByRole("row").nth(1).getByRole("cell").allTextContents(),
    ).resolves.toEqual([
      "Bezüge",
      "3",
      "IT-Dienstleister",
      "gibt-es-nicht",
      "IT-Dienstleister „gibt-es-nicht“ ist unbekannt.",
    ]);
    expect(await page.getByRole("button", { name: /Änderungen übernehmen/ }).count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    const fixed = join(folder, "bezuege.xlsx");
    await fillTemplate(template, fixed, "owl-it");
    await upload(fixed);
    await expect.poll(() => counts.allTextContents()).toEqual(["0", "2", "0", "0"]);
    await page.getByRole("button", { name: "2 Änderungen übernehmen" }).click();
    await page.getByText("Import übernommen").waitFor();
    await page.getByText("0 neue und 2 geänderte Bezüge wurden gespeichert.").waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: "Zur Landkarte" }).click();
    await page.waitForURL(/\/landkarte/);
    await page.getByLabel("Leistungsbereich").selectOption("einwohnerwesen");
    const table = page.getByRole("table", { name: /Einwohnerwesen: Bezug je Kommune/ });
    const detmold = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Detmold", exact: true }) });
    await detmold.getByRole("cell", { name: "Land", exact: true }).first().waitFor();
    const lemgo = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Lemgo", exact: true }) });
    await lemgo.getByText("OWL-IT").first().waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("imports a CSV with fewer columns: a missing column keeps its values, the preview lists each change", async () => {
    type Row = {
      operatingModel: string;
      provider: { id: string } | null;
      product: unknown;
      runningCost: number | null;
      investmentCost: number | null;
      volume: number | null;
      contractEnd: string | null;
      satisfaction: number | null;
    };
    const lemgo = async () => {
      const response = await page.request.get(
        `${server.url}/api/landscape?organisation=05766044&domain=einwohnerwesen`,
      );
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: Row[] }).items[0];
    };
    const before = await lemgo();
    expect(before).toMatchObject({ provider: { id: "owl-it" }, runningCost: 98765.4 });
    const date = today().toISOString().slice(0, 10).split("-").reverse().join(".");
    const csv = join(folder, "nur-anbieter.csv");
    await writeFile(
      csv,
      `AGS;Leistungsbereich;Betriebsmodell;IT-Dienstleister;Gültig ab\r\n05766044;einwohnerwesen;IT-Dienstleister;regio-it;${date}\r\n`,
    );
    await page.goto(`${server.url}/import-export`);
    await upload(csv);
    const counts = page.getByRole("definition");
    await expect.poll(() => counts.allTextContents()).toEqual(["0", "1", "0", "0"]);
    const changes = page.getByRole("table", { name: /Änderungen je Feld/ });
    await changes.waitFor();
    const rows = await changes.getByRole("row").allTextContents();
    // Header and exactly one change: the provider. Nothing is cleared.
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/IT-Dienstleister.*OWL-IT.*regio iT/);
    expect(await page.getByText("wird geleert").count()).toBe(0);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "1 Änderungen übernehmen" }).click();
    await page.getByText("Import übernommen").waitFor();
    // Only the provider changed; every value of a column the file lacks is as before.
    expect(await lemgo()).toMatchObject({
      operatingModel: "it_dienstleister",
      provider: { id: "regio-it" },
      product: before?.product,
      runningCost: 98765.4,
      investmentCost: before?.investmentCost,
      volume: before?.volume,
      contractEnd: before?.contractEnd,
      satisfaction: before?.satisfaction,
    });
  });
});
