import {
  findProvider,
  listMemberships,
  listProviderEvents,
  loadProviderDirectory,
  providerRef,
  type Queryable,
} from "@it-atlas/db";
import { NotFoundError, predecessorIds, type ProviderDetail } from "@it-atlas/domain";

/**
 * A provider with every membership it carries today (its own and its predecessors'),
 * the events of its lineage, and its predecessors; 404 if unknown.
 */
export async function getProviderDetail(db: Queryable, id: string): Promise<ProviderDetail> {
  const provider = await findProvider(db, id);
  if (!provider) {
    throw new NotFoundError(
      "provider_not_found",
      `Es gibt keinen IT-Dienstleister mit der Kennung „${id}“.`,
    );
  }
  const directory = await loadProviderDirectory(db);
  const predecessors = predecessorIds(id, directory.lineage);
  const lineage = [id, ...predecessors];
  const [members, events] = await Promise.all([
    listMemberships(db, { providerIds: lineage }),
    listProviderEvents(db, lineage),
  ]);
  return {
    ...provider,
    members,
    events,
    predecessors: predecessors.map((predecessor) => providerRef(directory, predecessor)),
  };
}
