import type { Question } from "../survey/Question.ts";
import type { Answers } from "../survey/SurveyResponse.ts";
import type { StrategyDecision } from "./Strategy.ts";

/** A finding of the consistency check; errors block adoption, warnings do not. */
export interface ConsistencyFinding {
  domainId: string;
  severity: "error" | "warning";
  code: string;
  message: string;
}

/** What the check compares the decisions with. */
export interface ConsistencyInput {
  decisions: readonly StrategyDecision[];
  /** Domains the Kommune is responsible for. */
  applicableDomainIds: ReadonlySet<string>;
  questions: readonly Question[];
  answers: Answers;
  /** Current year (for target years in the past). */
  year: number;
}

function staffFor(input: ConsistencyInput, domainId: string): unknown {
  const question = input.questions.find(
    (candidate) => candidate.domainId === domainId && candidate.purpose === "own_staff",
  );
  return question ? input.answers[question.key] : undefined;
}

/** Checks a strategy against itself, the size-class rule and the Kommune's own answers. */
export function checkConsistency(input: ConsistencyInput): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const decision of input.decisions) {
    const add = (severity: ConsistencyFinding["severity"], code: string, message: string) =>
      findings.push({ domainId: decision.domainId, severity, code, message });
    if (!input.applicableDomainIds.has(decision.domainId)) {
      add(
        "warning",
        "not_responsible",
        "Für diesen Leistungsbereich ist die Kommune nach ihrer Größenklasse nicht zuständig.",
      );
    }
    if (decision.vorOrtRequired && decision.targetModel !== "vor_ort") {
      add(
        "error",
        "vor_ort_contradiction",
        "„Vor Ort notwendig“ ist gesetzt, das Zielmodell ist aber nicht „vor Ort“.",
      );
    }
    if (decision.vorOrtRequired && !decision.rationale?.trim()) {
      add("error", "rationale_missing", "„Vor Ort notwendig“ braucht eine Begründung.");
    }
    if (decision.targetModel === "vor_ort") {
      const staff = staffFor(input, decision.domainId);
      if (
        staff === 0 ||
        (staff === undefined &&
          input.questions.some((question) => question.purpose === "own_staff"))
      ) {
        add(
          "warning",
          "no_own_staff",
          "Zielmodell „vor Ort“, aber in der Bedarfserhebung kein eigenes Personal gemeldet.",
        );
      }
    }
    if (decision.targetModel === "it_dienstleister" && !decision.providerId) {
      add(
        "error",
        "provider_missing",
        "Beim Zielmodell „IT-Dienstleister“ ist der Dienstleister anzugeben.",
      );
    }
    if (decision.targetYear !== null && decision.targetYear < input.year) {
      add(
        "warning",
        "target_year_past",
        `Das Zieljahr ${decision.targetYear} liegt in der Vergangenheit.`,
      );
    }
  }
  return findings;
}
