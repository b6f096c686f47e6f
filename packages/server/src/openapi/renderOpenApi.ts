import type { Database } from "@it-atlas/db";
import { buildApp } from "../app.ts";

// The document depends only on the route schemas, so no database is opened.
const noDatabase = new Proxy({} as Database, {
  get() {
    throw new Error("Für das OpenAPI-Dokument wird keine Datenbank benötigt.");
  },
});

/** The OpenAPI document as formatted JSON text (what `packages/server/openapi.json` holds). */
export async function renderOpenApi(): Promise<string> {
  const app = await buildApp({ db: noDatabase });
  await app.ready();
  const document = app.swagger();
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
