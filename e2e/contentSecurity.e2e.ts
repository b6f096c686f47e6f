import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAccessibilityViolations } from "./support/accessibility.ts";
import { launchBrowser } from "./support/browser.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

let server: TestServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "de-DE" });
  page = await context.newPage();
  // What the browser blocked under the server's Content-Security-Policy (e.g. an eval probe).
  await page.exposeFunction("atlasReportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { atlasReportViolation: (text: string) => void })
        .atlasReportViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Content-Security-Policy", () => {
  it.each([
    ["/", "IT-Atlas NRW"],
    ["/kommunen", "Kommunen"],
    ["/kommunen/05766020", "Detmold"],
  ])("%s loads without anything the policy blocks", async (path, heading) => {
    violations.length = 0;
    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAccessibilityViolations(page);
    expect(violations).toEqual([]);
  });
});
