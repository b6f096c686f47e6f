import { z } from "zod";

/** Key figures of the reference data (public API contract of `GET /api/stats`). */
export const Stats = z
  .object({
    gemeinden: z.number().int(),
    kreise: z.number().int(),
    kreisfreieStaedte: z.number().int(),
    regierungsbezirke: z.number().int(),
    landschaftsverbaende: z.number().int(),
    /** All real providers of the reference data (fictitious demo providers excluded). */
    providers: z.number().int(),
    /** Active kommunal IT-Dienstleister (Zweckverband, AöR, GmbH) serving several Kommunen. */
    providersServingKommunen: z.number().int(),
    /** Active IT of a city's or Kreis' own administration. */
    ownAdministrationIt: z.number().int(),
    /** Providers that no longer operate under their name (merged or renamed): predecessors. */
    providerPredecessors: z.number().int(),
    /** State bodies and the umbrella association (KDN, IT.NRW, d-NRW). */
    stateBodies: z.number().int(),
    memberships: z.number().int(),
    events: z.number().int(),
    ozgLeistungen: z.number().int(),
    leikaLeistungen: z.number().int(),
    populationZensus2022: z.number().int(),
  })
  .meta({ id: "Stats" });
export type Stats = z.infer<typeof Stats>;
