import { z } from "zod";
import { Membership } from "../provider/Membership.ts";
import { Source } from "../provenance/Provenance.ts";
import { Organisation, OrganisationRef } from "./Organisation.ts";

/** An organisation with its memberships, the sources of its facts and its member Gemeinden. */
export const OrganisationDetail = Organisation.extend({
  memberships: z.array(Membership),
  sources: z.array(Source),
  /** For a Kreis: its Gemeinden; for a Regierungsbezirk: its Kreise and kreisfreie Städte. */
  children: z.array(OrganisationRef),
}).meta({ id: "OrganisationDetail" });
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;
