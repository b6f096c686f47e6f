import { germanDateText, targetModelLabel, type Strategy } from "@it-atlas/domain";
import { renderTextPdf, type PdfLine } from "./textPdf.ts";

const PRIORITY = { 1: "hoch", 2: "mittel", 3: "niedrig" } as Record<number, string>;

/** The printable strategy document: one block per service domain decision. */
export function strategyPdf(strategy: Strategy, domainNames: ReadonlyMap<string, string>): Buffer {
  const title = `IT-Strategie ${strategy.organisationName}`;
  const lines: PdfLine[] = [
    { text: title, style: "title" },
    {
      text:
        strategy.status === "adopted" && strategy.councilDecisionDate
          ? `Version ${strategy.version}, beschlossen am ${germanDateText(strategy.councilDecisionDate)} (Ratsbeschluss)`
          : `Version ${strategy.version} – Entwurf, nicht beschlossen`,
    },
    { text: `Erstellt mit IT-Atlas NRW; zuletzt geändert von ${strategy.updatedBy}.` },
  ];
  for (const decision of strategy.decisions) {
    lines.push({ text: domainNames.get(decision.domainId) ?? decision.domainId, style: "heading" });
    lines.push({
      text: `Zielbetriebsmodell: ${targetModelLabel[decision.targetModel]}${decision.providerId ? ` (${decision.providerId})` : ""}`,
    });
    lines.push({ text: `Vor Ort notwendig: ${decision.vorOrtRequired ? "ja" : "nein"}` });
    if (decision.rationale) lines.push({ text: `Begründung: ${decision.rationale}` });
    lines.push({
      text: `Priorität: ${PRIORITY[decision.priority] ?? decision.priority}${decision.targetYear ? `; Zieljahr: ${decision.targetYear}` : ""}`,
    });
  }
  if (strategy.decisions.length === 0) lines.push({ text: "Noch keine Entscheidungen erfasst." });
  return renderTextPdf(title, lines);
}
