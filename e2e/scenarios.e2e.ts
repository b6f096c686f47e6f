import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../packages/server/src/export/textPdf.ts";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { createAccount } from "./support/accounts.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const ANALYST = { email: "szenarien@kdn.example.org", password: "Szenarien-Analyse-2026" };
const NAME = "Spezialisierung Einwohnerwesen";

let server: TestServer;
let browser: Browser;
let page: Page;
let scenarioUrl = "";
let measureTitle = "";

beforeAll(async () => {
  server = await startTestServer();
  await createAccount(server, {
    ...ANALYST,
    roles: [{ role: "kdn_analyst", organisationKey: null, providerId: null }],
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "de-DE", acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Szenarien journey", () => {
  it("an analyst creates the scenario 'Spezialisierung Einwohnerwesen' from the preset", async () => {
    await page.goto(`${server.url}/anmelden`);
    await page.getByLabel("E-Mail-Adresse").fill(ANALYST.email);
    await page.getByLabel("Passwort").fill(ANALYST.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));

    await page.getByRole("navigation").getByRole("link", { name: "Szenarien" }).click();
    await page.getByRole("heading", { level: 1, name: "Szenarien" }).waitFor();
    await page.getByText(/Noch keine Szenarien/).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: "Neues Szenario" }).click();
    await page.getByRole("heading", { level: 1, name: "Neues Szenario" }).waitFor();
    // A new scenario starts with the cost curves fitted on the landscape, labelled as demo data.
    const curves = page.getByRole("table", {
      name: "Kostenkurven je Leistungsbereich (Demodaten (synthetisch))",
    });
    await curves.waitFor();
    expect(await curves.getByRole("row", { name: /^Einwohnerwesen/ }).textContent()).toMatch(
      /0,\d{3}Landkarte vom/,
    );
    await page
      .getByRole("button", { name: "Vorlage „Spezialisierung Einwohnerwesen“ übernehmen" })
      .click();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(NAME);
    // Kreis Lippe with its Gemeinden keeps the journey short; the preset itself is statewide.
    await page.getByLabel("Kommunen (Schlüssel)").fill("05766");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.waitForURL(/\/szenarien\/\d+$/);
    scenarioUrl = page.url();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await page.getByText("Das Szenario wurde noch nicht berechnet.").waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("runs it with a progress bar and sees the proven result", async () => {
    await page.getByRole("button", { name: "Berechnen", exact: true }).click();
    await page.getByRole("progressbar").waitFor();
    await page.getByText(/Berechnung: \d+ %/).waitFor();
    await page.getByText("optimal (bewiesen)").waitFor({ timeout: 60_000 });
    expect(await page.getByRole("progressbar").count()).toBe(0);
    expect(await page.getByText("Demodaten (synthetisch)").count()).toBeGreaterThan(0);
    expect(await page.getByText("Optimalitätslücke").count()).toBe(1);
    await page.getByRole("button", { name: "Als Zielbild markieren" }).click();
    await page.getByRole("button", { name: "Zielbild-Markierung entfernen" }).waitFor();
    // From → to per Kommune on the result page itself: map by target provider and table.
    await page.getByRole("group", { name: "Zielanbieter je Kommune im Plan" }).waitFor();
    const figures = page.getByLabel("Kennzahlen der letzten Berechnung");
    const count = Number(
      (
        (await figures
          .locator("dt", { hasText: /^Wechsel$/ })
          .locator("+ dd")
          .textContent()) ?? ""
      )
        .replaceAll(".", "")
        .trim(),
    );
    if (count > 0) {
      const switches = page.getByRole("table", { name: /Wechsel im Plan: von → nach/ });
      expect(await switches.getByRole("row").count()).toBe(Math.min(count, 25) + 1);
      expect(await switches.getByRole("columnheader").allTextContents()).toEqual([
        "Kommune",
        "Leistungsbereich",
        "Von",
        "Nach",
        "Einmalige Wechselkosten",
      ]);
    } else {
      await page.getByText("Der Plan sieht keinen Anbieterwechsel vor.").waitFor();
    }
    await expectNoAccessibilityViolations(page);
  });

  it("compares it with Ist: savings, migrations and the map of who changes provider", async () => {
    await page.getByRole("link", { name: /Mit Ist vergleichen/ }).click();
    await page.waitForURL(/\/szenarien\/vergleich\?ids=\d+/);
    await page.getByRole("heading", { level: 1, name: "Szenarien vergleichen" }).waitFor();
    const table = page.getByRole("table", { name: /Kennzahlen im Vergleich/ });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Kennzahl",
      "Ist",
      NAME,
    ]);
    const saving = table.getByRole("row", { name: /^Einsparung je Jahr gegenüber Ist/ });
    expect(await saving.textContent()).toMatch(/€/);
    const migrations = await table
      .getByRole("row", { name: /^Wechsel/ })
      .first()
      .textContent();
    expect(migrations).toMatch(/^Wechsel0\d+$/);
    const map = page.getByRole("group", { name: `Zielanbieter in „${NAME}“` });
    await map.waitFor();
    await page.getByText(/(Kommune wechselt|Kommunen wechseln) in „Spezialisierung/).waitFor();
    await page.getByRole("table", { name: /Kosten je Kommune und Jahr/ }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("exports the comparison as XLSX and PDF", async () => {
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Als XLSX exportieren" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("it-atlas-szenariovergleich.xlsx");
    const workbook = await readFile(await xlsx.path());
    expect(workbook.subarray(0, 2).toString()).toBe("PK");
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Als PDF exportieren" }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe("it-atlas-szenariovergleich.pdf");
    const text = extractPdfText(await readFile(await pdf.path()));
    expect(text).toContain(NAME);
    expect(text).toContain("Demodaten (synthetisch)");
    expect(scenarioUrl).toMatch(/\/szenarien\/\d+$/);
  });

  it("compares it with a scenario of another scope: each saving against its own Ist", async () => {
    await page.goto(`${server.url}/szenarien/neu`);
    await page.getByRole("heading", { level: 1, name: "Neues Szenario" }).waitFor();
    await page
      .getByRole("button", { name: "Vorlage „Spezialisierung Einwohnerwesen“ übernehmen" })
      .click();
    await page.getByLabel("Name", { exact: true }).fill("Nur Detmold");
    await page.getByLabel("Kommunen (Schlüssel)").fill("05766020");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.waitForURL(/\/szenarien\/\d+$/);
    const narrowId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByRole("button", { name: "Berechnen", exact: true }).click();
    await page
      .getByText(/optimal \(bewiesen\)|zulässig \(Lücke offen\)/)
      .waitFor({ timeout: 60_000 });
    const wideId = Number(new URL(scenarioUrl).pathname.split("/").pop());

    await page.goto(`${server.url}/szenarien/vergleich?ids=${wideId},${narrowId}`);
    const table = page.getByRole("table", { name: /Kennzahlen im Vergleich/ });
    await table.waitFor();
    await page
      .getByRole("note")
      .getByText(/unterschiedlichen Umfang/)
      .waitFor();
    const euros = async (label: RegExp) =>
      (await table.getByRole("row", { name: label }).getByRole("cell").allTextContents()).map(
        (text) => Number(text.replace(/[^\d-−]/g, "").replace("−", "-")),
      );
    const ist = await euros(/^Ist im eigenen Umfang je Jahr/);
    const cost = await euros(/^Kosten je Jahr/);
    const saving = await euros(/^Einsparung je Jahr gegenüber Ist im eigenen Umfang/);
    // Columns: Ist, the Lippe scenario, "Nur Detmold"; the two scopes have different Ist.
    expect(ist[1]).not.toBe(ist[2]);
    for (const column of [1, 2]) {
      // Whole euros on the page: rounding may move the difference by one euro.
      expect(
        Math.abs((ist[column] ?? 0) - (cost[column] ?? 0) - (saving[column] ?? 0)),
      ).toBeLessThanOrEqual(1);
    }
    const detmold = page
      .getByRole("table", { name: /Kosten je Kommune und Jahr/ })
      .getByRole("row", { name: /Detmold/ });
    expect(await detmold.textContent()).not.toMatch(/einwohnerwesen/);
    await expectNoAccessibilityViolations(page);
  });

  it("creates the compared scenario's measures and sees them on the roadmap", async () => {
    await page.goto(scenarioUrl);
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    const section = page.getByRole("region", { name: "Maßnahmen aus diesem Szenario anlegen" });
    await section.waitFor();
    await section.getByLabel("Jahr der ersten Welle").fill("2027");
    await expectNoAccessibilityViolations(page);
    await section.getByRole("button", { name: "Maßnahmen anlegen" }).click();
    await section.getByText(/^\d+ Maßnahmen angelegt\./).waitFor();
    const created = await section.getByRole("listitem").allTextContents();
    expect(created.length).toBeGreaterThan(0);
    expect(created[0]).toMatch(/^Wechsel .+ – Welle 1$/);
    await section.getByRole("link", { name: "Auf der Roadmap ansehen" }).click();
    await page.getByRole("heading", { level: 1, name: "Roadmap" }).waitFor();
    await page
      .getByRole("link", { name: created[0] ?? "" })
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(page);
    measureTitle = created[0] ?? "";
  });

  it("records the Lenkungskreis decision on the scenario and its first measure", async () => {
    await page.getByRole("link", { name: "Gremien & Beschlüsse" }).click();
    await page.getByRole("heading", { level: 1, name: "Gremien & Beschlüsse" }).waitFor();
    await page.getByLabel("Gremium").selectOption({ label: "Lenkungskreis IT-Konsolidierung" });
    await page.getByLabel("Datum des Beschlusses").fill("2026-11-26");
    await page.getByLabel("Titel des Beschlusses").fill(`${NAME}: erste Welle freigegeben`);
    await page.getByLabel(/^Dokument/).fill("Niederschrift LK 5/2026, TOP 2");
    await page.getByLabel(measureTitle, { exact: true }).check();
    await page.getByLabel(/^Betroffene Szenarien/).fill(scenarioUrl.split("/").pop() ?? "");
    await page.getByRole("button", { name: "Beschluss speichern" }).click();
    await page.getByText(`Beschluss „${NAME}: erste Welle freigegeben“ erfasst.`).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it("downloads the Kreis Lippe landscape report with the Kreis's figures", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Berichte" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Berichte" }).waitFor();
    await page.getByRole("option", { name: "Kreis Lippe (05766)" }).waitFor({ state: "attached" });
    await page.getByLabel("Gebiet", { exact: true }).selectOption("05766");
    await expectNoAccessibilityViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PDF herunterladen" }).click(),
    ]);
    await page.getByText("Bericht erstellt und heruntergeladen.").waitFor();
    const text = extractPdfText(await readFile(await download.path()));
    // The Kreis's figures as the Kennzahlen page shows them, in de-DE format.
    const current = await page.request.get(`${server.url}/api/kpi/current?level=kreis`);
    const lippe = (
      (await current.json()) as {
        items: Array<{ key: string; figures: { kommunen: number; population: number } }>;
      }
    ).items.find((item) => item.key === "05766");
    const german = new Intl.NumberFormat("de-DE");
    expect(text).toContain("IT-Landschaftsbericht Kreis Lippe");
    expect(text).toContain(
      `Einwohner (Zensus 2022)\n${german.format(lippe?.figures.population ?? -1)}`,
    );
    expect(text).toContain("dl-de/by-2-0");
  });
});
