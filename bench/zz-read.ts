import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { PgliteDatabase, migrate, seedReferenceData } from "@it-atlas/db";
import { generateSourcingWorkbook } from "./import.ts";
const db = await PgliteDatabase.open({});
await migrate(db); await seedReferenceData(db);
const file = await generateSourcingWorkbook(db, 100_000);
await db.close();
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  let n = 0; wb.worksheets[0]?.eachRow(() => { n++; });
  console.log("full", n, (performance.now() - t).toFixed(0));
  t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  let m = 0;
  for await (const ws of reader) for await (const row of ws) { m++; row.eachCell(() => {}); }
  console.log("stream", m, (performance.now() - t).toFixed(0));
}
