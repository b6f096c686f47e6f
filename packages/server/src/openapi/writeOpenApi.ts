import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { renderOpenApi } from "./renderOpenApi.ts";

/** Regenerates the committed OpenAPI document (`npm run openapi`). */
const target = fileURLToPath(new URL("../../openapi.json", import.meta.url));
await writeFile(target, await renderOpenApi());
process.stdout.write(`OpenAPI-Dokument geschrieben: ${target}\n`);
