import {
  DEMO_LABEL,
  germanDateText,
  operatingModelLabel,
  provenanceQualityLabel,
  targetModelLabel,
  type Sourcing,
  type Strategy,
} from "@it-atlas/domain";
import { renderTextPdf, type PdfLine } from "./textPdf.ts";

const PRIORITY = { 1: "hoch", 2: "mittel", 3: "niedrig" } as Record<number, string>;

/**
 * The printable strategy document: one block per service domain decision, each with today's
 * operating model from the landscape and its quality — synthetic values say „Demodaten
 * (synthetisch)“ (ADR 0021).
 */
export function strategyPdf(
  strategy: Strategy,
  domainNames: ReadonlyMap<string, string>,
  current: readonly Sourcing[] = [],
): Buffer {
  const today = new Map(current.map((item) => [item.domain.id, item]));
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
  const shown = strategy.decisions.flatMap((decision) => {
    const item = today.get(decision.domainId);
    return item ? [item] : [];
  });
  if (shown.some((item) => item.demo)) {
    lines.push({
      text: `Mit „${DEMO_LABEL}“ gekennzeichnete Angaben zum heutigen Betrieb sind synthetisch und keine Tatsachen.`,
    });
  }
  for (const decision of strategy.decisions) {
    lines.push({ text: domainNames.get(decision.domainId) ?? decision.domainId, style: "heading" });
    lines.push({
      text: `Zielbetriebsmodell: ${targetModelLabel[decision.targetModel]}${decision.providerId ? ` (${decision.providerId})` : ""}`,
    });
    const item = today.get(decision.domainId);
    if (item) {
      lines.push({
        text: `Heute laut Landkarte: ${operatingModelLabel[item.operatingModel]}${item.provider ? ` (${item.provider.shortName})` : ""} – Qualität: ${provenanceQualityLabel[item.provenance.quality]}`,
      });
    }
    lines.push({ text: `Vor Ort notwendig: ${decision.vorOrtRequired ? "ja" : "nein"}` });
    if (decision.rationale) lines.push({ text: `Begründung: ${decision.rationale}` });
    lines.push({
      text: `Priorität: ${PRIORITY[decision.priority] ?? decision.priority}${decision.targetYear ? `; Zieljahr: ${decision.targetYear}` : ""}`,
    });
  }
  if (strategy.decisions.length === 0) lines.push({ text: "Noch keine Entscheidungen erfasst." });
  return renderTextPdf(title, lines);
}
