import { useQueries } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client.ts";
import { useProviders } from "../../api/hooks.ts";

/** Names of the Kommunen and providers that roles are scoped to. */
export interface ScopeNames {
  organisation: (key: string) => string | undefined;
  provider: (id: string) => string | undefined;
}

/**
 * Looks up the names behind role scopes: each Kommune by its key (cached per key, shared with
 * the organisation pages) and the providers from the full provider list.
 */
export function useScopeNames(organisationKeys: readonly string[]): ScopeNames {
  const unique = [...new Set(organisationKeys)].sort();
  const organisations = useQueries({
    queries: unique.map((key) => ({
      queryKey: ["organisation", key],
      queryFn: async () =>
        unwrap(await api.GET("/api/organisations/{ags}", { params: { path: { ags: key } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const providers = useProviders();
  const organisationNames = new Map(
    organisations.flatMap((query) => (query.data ? [[query.data.key, query.data.name]] : [])),
  );
  const providerNames = new Map(
    (providers.data?.items ?? []).map((provider) => [provider.id, provider.shortName]),
  );
  return {
    organisation: (key) => organisationNames.get(key),
    provider: (id) => providerNames.get(id),
  };
}
