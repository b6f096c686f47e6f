import { z } from "zod";
import { ImpreciseDate } from "../dates/ImpreciseDate.ts";
import { Provenance } from "../provenance/Provenance.ts";
import { ProviderRef } from "./Provider.ts";

/** Kinds of dated provider events in the sourced history. */
export const ProviderEventType = z.enum([
  "gruendung",
  "fusion",
  "umbenennung",
  "beitritt",
  "beitritt_vorgeschlagen",
  "austritt",
  "kooperation",
  "kundenwechsel",
]);
export type ProviderEventType = z.infer<typeof ProviderEventType>;

/** German labels for event types. */
export const providerEventTypeLabel: Record<ProviderEventType, string> = {
  gruendung: "Gründung",
  fusion: "Fusion / Eingliederung",
  umbenennung: "Umbenennung",
  beitritt: "Beitritt",
  beitritt_vorgeschlagen: "Beitritt vorgeschlagen",
  austritt: "Austritt",
  kooperation: "Kooperation",
  kundenwechsel: "Kundenwechsel",
};

/** A founding, merger, renaming or accession, dated as precisely as the source allows. */
export const ProviderEvent = z
  .object({
    id: z.number().int(),
    date: ImpreciseDate,
    type: ProviderEventType,
    /** Providers the event acts on (e.g. the merged ones). */
    providers: z.array(ProviderRef),
    /** Provider the event results in or leads to (e.g. the merger's successor), if any. */
    target: ProviderRef.nullable(),
    description: z.string(),
    provenance: Provenance,
  })
  .meta({ id: "ProviderEvent" });
export type ProviderEvent = z.infer<typeof ProviderEvent>;
