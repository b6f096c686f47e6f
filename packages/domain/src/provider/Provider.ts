import { z } from "zod";
import { ImpreciseDate } from "../dates/ImpreciseDate.ts";
import { OrganisationRef } from "../organisation/Organisation.ts";
import { Provenance } from "../provenance/Provenance.ts";

/** Public id of an IT-Dienstleister, kept stable from the shared data (`sit`, `krz`, …). */
export const ProviderId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Ungültige Dienstleister-Kennung");
export type ProviderId = z.infer<typeof ProviderId>;

/** Lifecycle of a provider: still operating, merged into another, or renamed. */
export const ProviderStatus = z.enum(["active", "merged", "renamed"]);
export type ProviderStatus = z.infer<typeof ProviderStatus>;

/** German labels for provider status. */
export const providerStatusLabel: Record<ProviderStatus, string> = {
  active: "aktiv",
  merged: "fusioniert / eingegliedert",
  renamed: "umbenannt",
};

/**
 * What kind of body the provider is: a Zweckverband/AöR/GmbH serving several Kommunen, a
 * city's own IT department, a state body, or the umbrella association KDN.
 */
export const ProviderKind = z.enum(["kommunal", "stadt_it", "land", "dachverband", "sonstige"]);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** German labels for provider kinds. */
export const providerKindLabel: Record<ProviderKind, string> = {
  kommunal: "Kommunaler IT-Dienstleister",
  stadt_it: "IT der eigenen Verwaltung (Stadt oder Kreis)",
  land: "Landeseinrichtung",
  dachverband: "Dachverband",
  sonstige: "Sonstige",
};

/** Short reference to a provider. */
export const ProviderRef = z
  .object({
    id: z.string(),
    shortName: z.string(),
    name: z.string(),
    status: ProviderStatus,
  })
  .meta({ id: "ProviderRef" });
export type ProviderRef = z.infer<typeof ProviderRef>;

/** A municipal IT service provider (IT-Dienstleister) or KDN. */
export const Provider = z
  .object({
    id: z.string(),
    shortName: z.string(),
    name: z.string(),
    kind: ProviderKind,
    legalForm: z.string().nullable(),
    seat: z.string().nullable(),
    founded: ImpreciseDate.nullable(),
    foundedText: z.string().nullable(),
    status: ProviderStatus,
    successor: ProviderRef.nullable(),
    owner: OrganisationRef.nullable(),
    website: z.string().nullable(),
    facts: z.string().nullable(),
    provenance: Provenance,
  })
  .meta({ id: "Provider" });
export type Provider = z.infer<typeof Provider>;

/** Row of the provider list. */
export const ProviderSummary = Provider.pick({
  id: true,
  shortName: true,
  name: true,
  kind: true,
  legalForm: true,
  seat: true,
  status: true,
  successor: true,
  provenance: true,
})
  .extend({ memberCount: z.number().int().nonnegative() })
  .meta({ id: "ProviderSummary" });
export type ProviderSummary = z.infer<typeof ProviderSummary>;
