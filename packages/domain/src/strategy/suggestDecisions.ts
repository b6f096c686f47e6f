import type { OperatingModel } from "../landscape/OperatingModel.ts";
import type { Question } from "../survey/Question.ts";
import type { Answers } from "../survey/SurveyResponse.ts";
import { DEMO_LABEL } from "../provenance/Provenance.ts";
import { TargetModel } from "./Strategy.ts";

/** Target model that continues an operating model of today's landscape. */
export const targetModelOf: Record<OperatingModel, TargetModel> = {
  eigenbetrieb: "vor_ort",
  it_dienstleister: "it_dienstleister",
  andere_kommune: "interkommunal",
  land: "land",
  efa_dienst: "efa",
};

/** A suggested decision with the German reasons it rests on. */
export interface DecisionSuggestion {
  domainId: string;
  targetModel: TargetModel;
  providerId: string | null;
  vorOrtRequired: boolean;
  reasons: string[];
  /** The suggestion rests on synthetic landscape values (today's Bezug or the peers'). */
  demo: boolean;
}

/** Share of peers (same size class) per target model for one domain. */
export type PeerCounts = Partial<Record<TargetModel, number>>;

/** What the suggestion rule knows about a Kommune. */
export interface SuggestionInput {
  /** Domains the Kommune is responsible for, in display order. */
  domainIds: readonly string[];
  /** Questions and accepted (or submitted) answers of its latest campaign. */
  questions: readonly Question[];
  answers: Answers;
  /** Today's sourcing per domain (operating model and provider). */
  current: ReadonlyMap<
    string,
    { operatingModel: OperatingModel; providerId: string | null; demo?: boolean }
  >;
  /** Target models of peers of the same size class per domain. */
  peers: ReadonlyMap<string, PeerCounts>;
  /** Domains whose peer counts include synthetic Bezüge. */
  peersDemo?: ReadonlySet<string>;
}

function answerFor(
  input: SuggestionInput,
  domainId: string,
  purpose: Question["purpose"],
): unknown {
  const question = input.questions.find(
    (candidate) => candidate.domainId === domainId && candidate.purpose === purpose,
  );
  return question ? input.answers[question.key] : undefined;
}

function mostCommon(
  counts: PeerCounts | undefined,
): { model: TargetModel; share: number } | undefined {
  if (!counts) return undefined;
  const entries = Object.entries(counts) as [TargetModel, number][];
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const [best] = entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && total > 0 ? { model: best[0], share: best[1] / total } : undefined;
}

/**
 * Suggests a decision per domain: the desired model the Kommune answered wins; otherwise a
 * satisfied Kommune keeps its (confirmed) operating model; a dissatisfied one (1–2 of 5) is
 * pointed to what most peers of its size class do — the GPA NRW compares Kommunen of the same
 * size class. Own staff reported makes "vor Ort" plausible.
 */
export function suggestDecisions(input: SuggestionInput): DecisionSuggestion[] {
  const suggestions: DecisionSuggestion[] = [];
  for (const domainId of input.domainIds) {
    const reasons: string[] = [];
    const desired = TargetModel.safeParse(answerFor(input, domainId, "desired_model"));
    const confirmed = answerFor(input, domainId, "current_operating_model");
    const current = input.current.get(domainId);
    const operatingModel = (typeof confirmed === "string" ? confirmed : current?.operatingModel) as
      OperatingModel | undefined;
    const satisfaction = answerFor(input, domainId, "satisfaction");
    const staff = answerFor(input, domainId, "own_staff");
    const peer = mostCommon(input.peers.get(domainId));
    const peerDemo = input.peersDemo?.has(domainId) ?? false;
    const peerReason = (share: number, model: TargetModel) =>
      `${Math.round(share * 100)} % der Vergleichskommunen gleicher Größenklasse: ${model}${peerDemo ? ` (${DEMO_LABEL})` : ""}.`;
    let targetModel: TargetModel | undefined;
    let demo = false;
    if (desired.success) {
      targetModel = desired.data;
      reasons.push("Gewünschtes Betriebsmodell laut Bedarfserhebung.");
    } else if (typeof satisfaction === "number" && satisfaction <= 2 && peer) {
      targetModel = peer.model;
      reasons.push(`Geringe Zufriedenheit (${satisfaction} von 5) in der Bedarfserhebung.`);
      reasons.push(peerReason(peer.share, peer.model));
      demo = peerDemo;
    } else if (operatingModel && operatingModel in targetModelOf) {
      targetModel = (targetModelOf as Record<string, TargetModel>)[operatingModel];
      const fromDemo = typeof confirmed !== "string" && current?.demo === true;
      reasons.push(
        typeof confirmed === "string"
          ? "Heutiger Betrieb, in der Bedarfserhebung bestätigt."
          : fromDemo
            ? `Heutiger Betrieb laut Landkarte (${DEMO_LABEL}).`
            : "Heutiger Betrieb laut Landkarte.",
      );
      demo = fromDemo;
    } else if (peer) {
      targetModel = peer.model;
      reasons.push(peerReason(peer.share, peer.model));
      demo = peerDemo;
    }
    if (!targetModel) continue;
    const vorOrtRequired = targetModel === "vor_ort" && typeof staff === "number" && staff > 0;
    if (vorOrtRequired) reasons.push(`Eigenes Personal gemeldet (${staff} VZÄ).`);
    const providerId =
      targetModel === "it_dienstleister" && current?.operatingModel === "it_dienstleister"
        ? current.providerId
        : null;
    suggestions.push({
      domainId,
      targetModel,
      providerId,
      vorOrtRequired,
      reasons,
      // The provider comes from today's Bezug: synthetic when that row is.
      demo: demo || (providerId !== null && current?.demo === true),
    });
  }
  return suggestions;
}
