import { z } from "zod";
import { Membership } from "./Membership.ts";
import { Provider, ProviderRef } from "./Provider.ts";
import { ProviderEvent } from "./ProviderEvent.ts";

/** A provider with its members, events and lineage (predecessors and successor). */
export const ProviderDetail = Provider.extend({
  members: z.array(Membership),
  events: z.array(ProviderEvent),
  predecessors: z.array(ProviderRef),
}).meta({ id: "ProviderDetail" });
export type ProviderDetail = z.infer<typeof ProviderDetail>;
