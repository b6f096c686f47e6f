import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client.ts";
import type { paths } from "./schema.gen.ts";

/** Query parameters of the organisation list. */
export type OrganisationQuery = NonNullable<
  paths["/api/organisations"]["get"]["parameters"]["query"]
>;
/** Query parameters of the OZG list. */
export type OzgQuery = NonNullable<paths["/api/ozg/leistungen"]["get"]["parameters"]["query"]>;
/** Boundary levels served by /api/geo. */
export type BoundaryLevel = "gemeinde" | "kreis" | "regierungsbezirk";

// Reference data changes only with a new data version: keep it for the session.
const REFERENCE = { staleTime: 5 * 60_000 } as const;

/** Key figures of the reference data. */
export function useStats() {
  return useQuery({
    queryKey: ["stats"],
    queryFn: async () => unwrap(await api.GET("/api/stats")),
    ...REFERENCE,
  });
}

/** Sources and attributions. */
export function useSources() {
  return useQuery({
    queryKey: ["sources"],
    queryFn: async () => unwrap(await api.GET("/api/sources")),
    ...REFERENCE,
  });
}

/** A page of organisations. */
export function useOrganisations(query: OrganisationQuery) {
  return useQuery({
    queryKey: ["organisations", query],
    queryFn: async () => unwrap(await api.GET("/api/organisations", { params: { query } })),
    placeholderData: keepPreviousData,
    ...REFERENCE,
  });
}

/** All organisations matching a query (for exports and selects), fetched page by page. */
export async function fetchAllOrganisations(query: OrganisationQuery) {
  const pageSize = 500;
  const first = unwrap(
    await api.GET("/api/organisations", { params: { query: { ...query, page: 1, pageSize } } }),
  );
  const items = [...first.items];
  for (let page = 2; (page - 1) * pageSize < first.total; page += 1) {
    const next = unwrap(
      await api.GET("/api/organisations", { params: { query: { ...query, page, pageSize } } }),
    );
    items.push(...next.items);
  }
  return items;
}

/** Kreise and Regierungsbezirke for filter selects. */
export function useRegions() {
  return useQuery({
    queryKey: ["regions"],
    queryFn: async () => {
      const [kreise, regierungsbezirke] = await Promise.all([
        fetchAllOrganisations({ kind: "kreis" }),
        fetchAllOrganisations({ kind: "regierungsbezirk" }),
      ]);
      return { kreise, regierungsbezirke };
    },
    ...REFERENCE,
  });
}

/** One organisation with memberships and sources. */
export function useOrganisation(key: string) {
  return useQuery({
    queryKey: ["organisation", key],
    queryFn: async () =>
      unwrap(await api.GET("/api/organisations/{ags}", { params: { path: { ags: key } } })),
    ...REFERENCE,
  });
}

/** All providers. */
export function useProviders() {
  return useQuery({
    queryKey: ["providers"],
    queryFn: async () => unwrap(await api.GET("/api/providers")),
    ...REFERENCE,
  });
}

/** One provider with members, events and lineage. */
export function useProvider(id: string) {
  return useQuery({
    queryKey: ["provider", id],
    queryFn: async () => unwrap(await api.GET("/api/providers/{id}", { params: { path: { id } } })),
    ...REFERENCE,
  });
}

/** OZG-Themenfelder. */
export function useThemenfelder() {
  return useQuery({
    queryKey: ["themenfelder"],
    queryFn: async () => unwrap(await api.GET("/api/ozg/themenfelder")),
    ...REFERENCE,
  });
}

/** A page of OZG-Leistungen. */
export function useOzgLeistungen(query: OzgQuery) {
  return useQuery({
    queryKey: ["ozg", query],
    queryFn: async () => unwrap(await api.GET("/api/ozg/leistungen", { params: { query } })),
    placeholderData: keepPreviousData,
    ...REFERENCE,
  });
}

/** Every OZG-Leistung matching a query, all pages (for exports). */
export async function fetchAllOzgLeistungen(query: Omit<OzgQuery, "page" | "pageSize">) {
  const pageSize = 500;
  const items = [];
  for (let page = 1; ; page += 1) {
    const next = unwrap(
      await api.GET("/api/ozg/leistungen", { params: { query: { ...query, page, pageSize } } }),
    );
    items.push(...next.items);
    if (page * pageSize >= next.total) return items;
  }
}

/** One OZG-Leistung with its LeiKa-Leistungen. */
export function useOzgLeistung(id: number) {
  return useQuery({
    queryKey: ["ozg-leistung", id],
    queryFn: async () =>
      unwrap(await api.GET("/api/ozg/leistungen/{id}", { params: { path: { id } } })),
    ...REFERENCE,
  });
}

/** Boundaries of one level as GeoJSON. */
export function useBoundaries(level: BoundaryLevel) {
  return useQuery({
    queryKey: ["boundaries", level],
    queryFn: async () => unwrap(await api.GET("/api/geo/{level}", { params: { path: { level } } })),
    staleTime: Infinity,
  });
}

/** Query parameters of the landscape. */
export type LandscapeQuery = NonNullable<paths["/api/landscape"]["get"]["parameters"]["query"]>;
/** Query parameters of the landscape diff. */
export type LandscapeDiffQuery = paths["/api/landscape/diff"]["get"]["parameters"]["query"];

/** The catalogue of Leistungsbereiche. */
export function useDomains() {
  return useQuery({
    queryKey: ["domains"],
    queryFn: async () => unwrap(await api.GET("/api/domains")),
    ...REFERENCE,
  });
}

/** A domain with products and its summary as of a day. */
export function useDomain(id: string, asOf?: string) {
  return useQuery({
    queryKey: ["domain", id, asOf],
    queryFn: async () =>
      unwrap(await api.GET("/api/domains/{id}", { params: { path: { id }, query: { asOf } } })),
    placeholderData: keepPreviousData,
  });
}

/** The landscape as of a day (filters as in the API). */
export function useLandscape(query: LandscapeQuery, enabled = true) {
  return useQuery({
    queryKey: ["landscape", query],
    queryFn: async () => unwrap(await api.GET("/api/landscape", { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Differences between two days. */
export function useLandscapeDiff(query: LandscapeDiffQuery, enabled = true) {
  return useQuery({
    queryKey: ["landscape-diff", query],
    queryFn: async () => unwrap(await api.GET("/api/landscape/diff", { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
