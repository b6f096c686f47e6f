import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { launchBrowser } from "./support/browser.ts";
import { expectGermanFormats } from "./support/germanFormats.ts";
import { signInViaApi } from "./support/accounts.ts";
import { E2E_ADMIN, startTestServer, type TestServer } from "./support/testServer.ts";

/** A phone held upright (iPhone 12–15 size). */
const PHONE = { width: 390, height: 844 };
const WAVE_1 = "Wechsel Einwohnerwesen zu regio iT – Welle 1";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "de-DE", viewport: PHONE });
  // The administrator signs in with the second factor (ADR 0029).
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

/** Every page of this journey: no axe violation, German numbers and dates, no emoji. */
async function check(target: Page): Promise<void> {
  await expectNoAccessibilityViolations(target);
  await expectGermanFormats(target);
}

describe("Small screen (390 × 844)", () => {
  it("folds the main navigation behind a menu button that works by keyboard", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const toggle = page.getByRole("button", { name: "Menü" });
    // Closed, the navigation is hidden (also from the accessibility tree): find it by its id.
    const navigation = page.locator("#hauptnavigation");
    const roadmapLink = navigation.getByRole("link", { name: "Roadmap" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.getAttribute("aria-controls")).toBe("hauptnavigation");
    expect(await navigation.getAttribute("aria-label")).toBe("Hauptnavigation");
    expect(await roadmapLink.isVisible()).toBe(false);
    // The header used to take 632 of 844 px on a phone.
    const header = await page.locator("header.atlas-header").boundingBox();
    expect(header?.height ?? 0).toBeLessThan(200);
    await check(page);

    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await roadmapLink.waitFor();
    await check(page);
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await roadmapLink.isVisible()).toBe(false);

    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  });

  it("shows the roadmap as a readable list", async () => {
    const session = await context.request.get(`${server.url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await context.request.post(`${server.url}/api/measures/from-migrations`, {
      headers: { "x-csrf-token": csrfToken },
      data: {
        scenarioId: "kleiner-bildschirm",
        migrations: ["05766020", "05766008", "05766044"].map((kommuneId) => ({
          kommuneId,
          domainId: "einwohnerwesen",
          fromProviderId: "owl-it",
          toProviderId: "regio-it",
          oneOffCost: 30_000,
        })),
        maxMigrationsPerYear: 2,
        startYear: 2027,
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    // Through the menu, as a person on a phone would go there.
    await page.getByRole("button", { name: "Menü" }).click();
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Roadmap" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Roadmap" }).waitFor();
    expect(await page.getByRole("button", { name: "Menü" }).getAttribute("aria-expanded")).toBe(
      "false",
    );
    expect(await page.getByRole("radio", { name: "Liste" }).isChecked()).toBe(true);
    const list = page.getByRole("region", { name: /^Maßnahmen 01\.01\.2027 bis/ });
    const group = list.getByRole("region", { name: "Einwohnerwesen" });
    const first = group
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: WAVE_1 }) });
    await first.waitFor();
    expect(await first.innerText()).toMatch(/\d{2}\.\d{2}\.2027 bis \d{2}\.\d{2}\.20\d{2}/);
    // Readable: nothing wider than the screen, the title in one piece.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole("region", { name: /^Zeitleiste/ }).count()).toBe(0);
    await check(page);
  });

  it("shows a chart with German numbers on its axes", async () => {
    await page.goto(`${server.url}/fragmentierung/kostenkurven?bereich=einwohnerwesen`);
    await page.getByRole("heading", { level: 1, name: "Kostenkurven (Skaleneffekte)" }).waitFor();
    const chart = page.getByRole("img", { name: "Kostenkurve Einwohnerwesen" });
    await chart.locator("svg text").first().waitFor();
    const labels = await chart.locator("svg text").allTextContents();
    // Euro amounts of a Kommune's yearly costs reach thousands and millions.
    expect(labels.some((label) => /^\d{1,3}(\.\d{3})+$|Mio\.$/.test(label))).toBe(true);
    await check(page);
  });

  it("lays out forms for a phone: legends above fields, real selects, buttons with room", async () => {
    await page.goto(`${server.url}/szenarien/neu`);
    await page.getByRole("heading", { level: 1, name: "Neues Szenario" }).waitFor();
    const legend = await page.locator("legend", { hasText: "Grunddaten" }).boundingBox();
    const name = await page.getByLabel("Name", { exact: true }).boundingBox();
    // "GrunddatenName": the legend floated and the first field's label ran into it.
    expect(name?.y ?? 0).toBeGreaterThan((legend?.y ?? 0) + (legend?.height ?? 0));
    const select = page.getByLabel("Art des Szenarios");
    const looks = await select.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderBottomWidth, arrow: style.backgroundImage };
    });
    expect(looks.border).toBe("2px");
    expect(looks.arrow).toMatch(/^url\("data:image\/svg\+xml/);
    await check(page);

    await page.goto(`${server.url}/bedarfserhebung/neu`);
    await page.getByRole("button", { name: "Frage hinzufügen" }).click();
    // A text button with a hidden context was squashed to KERN's 48 px icon-button width.
    const remove = page.getByRole("button", { name: "Entfernen (Frage 1)" });
    expect((await remove.boundingBox())?.width ?? 0).toBeGreaterThan(80);
    await check(page);
  });

  it("keeps words whole in the map's side panel", async () => {
    // The panel is narrowest beside the map on a wide screen; on a phone it stacks below.
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/landkarte?auswahl=05766020`);
      const panel = page.locator("aside.atlas-panel");
      const term = panel.locator("dt", { hasText: "Betriebsmodell" });
      await term.waitFor();
      const lines = await term.evaluate((element): number => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const tops = Array.from(range.getClientRects(), (rect: DOMRect) => Math.round(rect.top));
        return new Set(tops).size;
      });
      expect(lines, `Betriebsmodell bei ${viewport.width} px`).toBe(1);
    }
    await check(page);
  });
});
