import { z } from "zod";
import type { Sourcing } from "../landscape/Sourcing.ts";

/**
 * Who actually runs a Kommune's service, for concentration measures: an IT-Dienstleister (also
 * when it runs an EfA service), another Kommune, the Land, an EfA service of another Land, or
 * the Kommune itself. Every eigener Betrieb is an operator of its own — that is what
 * fragmentation means.
 */
export const OperatorKind = z.enum(["dienstleister", "kommune", "land", "efa", "eigenbetrieb"]);
export type OperatorKind = z.infer<typeof OperatorKind>;

/** An operator with a stable key (`provider:krz`, `kommune:05766020`, `eigen:05766020`, `land`, `efa`). */
export interface Operator {
  key: string;
  kind: OperatorKind;
  name: string;
  providerId: string | null;
}

/** The operator behind a sourcing row. */
export function operatorOf(sourcing: Sourcing): Operator {
  if (sourcing.provider) {
    return {
      key: `provider:${sourcing.provider.id}`,
      kind: "dienstleister",
      name: sourcing.provider.shortName,
      providerId: sourcing.provider.id,
    };
  }
  switch (sourcing.operatingModel) {
    case "andere_kommune":
      return sourcing.partner
        ? {
            key: `kommune:${sourcing.partner.ags}`,
            kind: "kommune",
            name: sourcing.partner.name,
            providerId: null,
          }
        : { key: "kommune:unbekannt", kind: "kommune", name: "Andere Kommune", providerId: null };
    case "land":
      return { key: "land", kind: "land", name: "Land NRW", providerId: null };
    case "efa_dienst":
      return { key: "efa", kind: "efa", name: "EfA-Dienst (anderes Land)", providerId: null };
    case "it_dienstleister":
    case "eigenbetrieb":
      return {
        key: `eigen:${sourcing.organisation.ags}`,
        kind: "eigenbetrieb",
        name: sourcing.organisation.name,
        providerId: null,
      };
  }
}

/** Running cost per volume unit of a row, or null when either is unknown or the volume is 0. */
export function runningCostPerUnit(sourcing: Sourcing): number | null {
  if (sourcing.runningCost === null || sourcing.volume === null || sourcing.volume <= 0)
    return null;
  return sourcing.runningCost / sourcing.volume;
}
