/** A change of provider in one Leistungsbereich, as a comparison lists it. */
export interface ProviderChange {
  domainId: string;
  fromProviderId: string | null;
  toProviderId: string | null;
}

/**
 * Names for the ids of a scenario comparison — Leistungsbereiche and providers („eigener
 * Betrieb“ for none) — and the German from → to text of a Kommune's changes. One definition
 * for the comparison page and its XLSX/PDF exports.
 */
export function comparisonNames(comparison: {
  domains: ReadonlyArray<{ id: string; name: string }>;
  providers: ReadonlyArray<{ id: string; name: string }>;
}) {
  const domains = new Map(comparison.domains.map((domain) => [domain.id, domain.name]));
  const providers = new Map(comparison.providers.map((provider) => [provider.id, provider.name]));
  const domainName = (id: string) => domains.get(id) ?? id;
  const providerName = (id: string | null) =>
    id === null ? "eigener Betrieb" : (providers.get(id) ?? id);
  const describeChanges = (changes: readonly ProviderChange[]) =>
    changes
      .map(
        (change) =>
          `${domainName(change.domainId)}: ${providerName(change.fromProviderId)} → ${providerName(change.toProviderId)}`,
      )
      .join("; ");
  return { domainName, providerName, describeChanges };
}
