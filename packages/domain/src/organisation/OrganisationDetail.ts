import { z } from "zod";
import { Membership } from "../provider/Membership.ts";
import { Provenance, Source } from "../provenance/Provenance.ts";
import { Organisation, OrganisationRef } from "./Organisation.ts";

/** Attributes of a Gemeinde or Kreis that carry their own provenance (ADR 0024). */
export const OrganisationFactAttribute = z.enum([
  "name",
  "population",
  "area",
  "postcode",
  "website",
]);
export type OrganisationFactAttribute = z.infer<typeof OrganisationFactAttribute>;

/** German names of {@link OrganisationFactAttribute} (export column prefixes, UI). */
export const organisationFactAttributeLabel: Record<OrganisationFactAttribute, string> = {
  name: "Name",
  population: "Einwohner",
  area: "Fläche",
  postcode: "Postleitzahl",
  website: "Website",
};

/** Provenance per attribute; an attribute without a recorded value has none. */
export const OrganisationFacts = z
  .object({
    name: Provenance.nullable(),
    population: Provenance.nullable(),
    area: Provenance.nullable(),
    postcode: Provenance.nullable(),
    website: Provenance.nullable(),
  })
  .meta({ id: "OrganisationFacts" });
export type OrganisationFacts = z.infer<typeof OrganisationFacts>;

/** An organisation with its memberships, the sources of its facts and its member Gemeinden. */
export const OrganisationDetail = Organisation.extend({
  memberships: z.array(Membership),
  /** Source, evidence date, recording time and quality of each attribute (Gemeinde, Kreis). */
  facts: OrganisationFacts,
  sources: z.array(Source),
  /** For a Kreis: its Gemeinden; for a Regierungsbezirk: its Kreise and kreisfreie Städte. */
  children: z.array(OrganisationRef),
}).meta({ id: "OrganisationDetail" });
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;
