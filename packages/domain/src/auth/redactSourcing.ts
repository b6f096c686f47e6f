import type { Sourcing } from "../landscape/Sourcing.ts";
import type { Principal } from "./Principal.ts";
import { canSeeConfidential } from "./permissions.ts";

/**
 * Hides a sourcing's confidential figures (costs, volume, contract end, satisfaction) from a
 * principal who may not see them. Who provides what with which product stays visible.
 */
export function redactSourcing(principal: Principal, sourcing: Sourcing): Sourcing {
  const visible = canSeeConfidential(principal, {
    organisationKey: sourcing.organisation.ags,
    providerId: sourcing.provider?.id ?? null,
  });
  if (visible) return sourcing;
  return {
    ...sourcing,
    annualCost: null,
    runningCost: null,
    investmentCost: null,
    volume: null,
    contractEnd: null,
    satisfaction: null,
    confidentialHidden: true,
  };
}
