import {
  emptyOrganisationFacts,
  findOrganisation,
  listChildOrganisations,
  listMemberships,
  listOrganisationFacts,
  listSources,
  type Queryable,
} from "@it-atlas/db";
import { NotFoundError, type OrganisationDetail } from "@it-atlas/domain";

/** Sources behind the facts of each organisation kind (see data/SOURCES.md). */
const SOURCES_BY_KIND: Record<OrganisationDetail["kind"], string[]> = {
  gemeinde: ["S1", "S2", "S3", "S4", "S8"],
  kreis: ["S1", "S2", "S3", "S8"],
  regierungsbezirk: ["S1", "S2", "S3", "S8"],
  landschaftsverband: ["S2", "S8"],
  land: ["S2", "S3"],
};

/** An organisation with memberships, children and the sources of its facts; 404 if unknown. */
export async function getOrganisationDetail(
  db: Queryable,
  key: string,
): Promise<OrganisationDetail> {
  const organisation = await findOrganisation(db, key);
  if (!organisation) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune oder Organisation mit dem Schlüssel „${key}“.`,
    );
  }
  const memberships = await listMemberships(db, { organisationKey: key });
  const sourceIds = new Set(SOURCES_BY_KIND[organisation.kind]);
  for (const membership of memberships) {
    if (membership.provenance.sourceId) sourceIds.add(membership.provenance.sourceId);
  }
  const facts = (await listOrganisationFacts(db, [key])).get(key) ?? emptyOrganisationFacts();
  for (const fact of Object.values(facts)) {
    if (fact?.sourceId) sourceIds.add(fact.sourceId);
  }
  const [sources, children] = await Promise.all([
    listSources(db, [...sourceIds]),
    listChildOrganisations(db, organisation),
  ]);
  return { ...organisation, memberships, facts, sources, children };
}
