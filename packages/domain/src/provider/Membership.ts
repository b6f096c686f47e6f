import { z } from "zod";
import { OrganisationRef } from "../organisation/Organisation.ts";
import { Provenance } from "../provenance/Provenance.ts";
import { ProviderRef } from "./Provider.ts";

/** How an organisation relates to a provider, as its source words it. */
export const MembershipRelation = z.enum([
  "verbandsmitglied",
  "traeger",
  "oerv_partner",
  "kunde",
  "kunde_vollumfaenglich",
  "gruendungsmitglied",
  "gesellschafter_beschluss",
  "verbandsmitglied_beitritt_vorgeschlagen",
  "eigene_it",
]);
export type MembershipRelation = z.infer<typeof MembershipRelation>;

/** German labels for membership relations. */
export const membershipRelationLabel: Record<MembershipRelation, string> = {
  verbandsmitglied: "Verbandsmitglied",
  traeger: "Träger",
  oerv_partner: "Partner (öffentlich-rechtliche Vereinbarung)",
  kunde: "Kunde",
  kunde_vollumfaenglich: "Kunde (vollumfänglich)",
  gruendungsmitglied: "Gründungsmitglied",
  gesellschafter_beschluss: "Gesellschafter (Beschluss)",
  verbandsmitglied_beitritt_vorgeschlagen: "Beitritt als Verbandsmitglied vorgeschlagen",
  eigene_it: "eigene IT-Abteilung",
};

/** A sourced relation between an organisation (Gemeinde or Kreis) and a provider. */
export const Membership = z
  .object({
    id: z.number().int(),
    organisation: OrganisationRef,
    provider: ProviderRef,
    /** The provider it belongs to today, following successors (derived, not sourced). */
    currentProvider: ProviderRef,
    relation: MembershipRelation,
    /** `explicit` when the source names this body, otherwise how a collective statement was expanded. */
    derivation: z.string(),
    provenance: Provenance,
  })
  .meta({ id: "Membership" });
export type Membership = z.infer<typeof Membership>;
