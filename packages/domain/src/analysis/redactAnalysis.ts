import type { DomainAnalysis } from "./domainAnalysis.ts";
import type { DomainConcentration } from "./domainConcentration.ts";
import type { FragmentationOverview } from "./fragmentation.ts";

/**
 * Analyses for viewers who may not see every Kommune's confidential figures: counts, shares,
 * HHI and the effective number stay; costs and absolute volumes go (one provider's volume can
 * be a single Kommune's figure).
 */
export function withoutConfidentialConcentration(
  concentration: DomainConcentration,
): DomainConcentration {
  return { ...concentration, costPerUnit: null };
}

/** {@link withoutConfidentialConcentration} for the whole overview. */
export function withoutConfidentialOverview(
  overview: FragmentationOverview,
): FragmentationOverview {
  return { ...overview, domains: overview.domains.map(withoutConfidentialConcentration) };
}

/** {@link withoutConfidentialConcentration} for a domain drill-down. */
export function withoutConfidentialDomain(analysis: DomainAnalysis): DomainAnalysis {
  return {
    concentration: withoutConfidentialConcentration(analysis.concentration),
    providers: analysis.providers.map((provider) => ({
      ...provider,
      volume: null,
      runningCost: null,
    })),
    inHouse: { ...analysis.inHouse, volume: null, runningCost: null },
  };
}
