import ExcelJS from "exceljs";
import { getCampaign, listCampaignAnswers, type Database } from "@it-atlas/db";
import { provenanceQualityLabel, responseStatusLabel, type ExportCell } from "@it-atlas/domain";
import { CONTENT_TYPES, type ExportFile } from "./exportFiles.ts";
import { addTableSheet, workbookBuffer } from "./writeSheet.ts";

function cell(value: unknown): ExportCell {
  if (typeof value === "number" || typeof value === "string") return value;
  if (value === null || value === undefined) return null;
  return JSON.stringify(value);
}

/** All answers of a campaign as one sheet: a row per Kommune, a column per question. */
export async function campaignAnswersWorkbook(
  db: Database,
  campaignId: number,
): Promise<ExportFile> {
  const campaign = await getCampaign(db, campaignId);
  const answers = await listCampaignAnswers(db, campaignId, [
    "draft",
    "submitted",
    "accepted",
    "returned",
  ]);
  const rows = new Map<string, Record<string, ExportCell>>();
  for (const answer of answers) {
    const row = rows.get(answer.organisationKey) ?? {
      Schlüssel: answer.organisationKey,
      Kommune: answer.organisationName,
      Status: responseStatusLabel[answer.status],
      // Stored answers are what the Kommune typed or confirmed one by one (a prefill from demo
      // values is never stored unconfirmed, ADR 0021).
      Qualität: provenanceQualityLabel.self_reported,
    };
    row[answer.questionKey] = cell(answer.value);
    rows.set(answer.organisationKey, row);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "IT-Atlas NRW";
  addTableSheet(workbook, {
    name: "Antworten",
    headers: [
      "Schlüssel",
      "Kommune",
      "Status",
      "Qualität",
      ...campaign.questions.map((question) => question.key),
    ],
    rows: [...rows.values()],
  });
  return {
    body: await workbookBuffer(workbook),
    contentType: CONTENT_TYPES.xlsx,
    fileName: `bedarfserhebung-${campaignId}.xlsx`,
  };
}
