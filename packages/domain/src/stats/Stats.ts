import { z } from "zod";

/** Key figures of the reference data (public API contract of `GET /api/stats`). */
export const Stats = z
  .object({
    gemeinden: z.number().int(),
    kreise: z.number().int(),
    kreisfreieStaedte: z.number().int(),
    regierungsbezirke: z.number().int(),
    landschaftsverbaende: z.number().int(),
    providers: z.number().int(),
    memberships: z.number().int(),
    events: z.number().int(),
    ozgLeistungen: z.number().int(),
    leikaLeistungen: z.number().int(),
    populationZensus2022: z.number().int(),
  })
  .meta({ id: "Stats" });
export type Stats = z.infer<typeof Stats>;
