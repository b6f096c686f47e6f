import { listAdoptions, listOnboarding, type Queryable } from "@it-atlas/db";
import {
  BaseComponent,
  baseComponentLabel,
  NotFoundError,
  type KommuneOzgView,
} from "@it-atlas/domain";
import { peersOf, type BoardState } from "./ozgReadinessService.ts";

/**
 * A Kommune's OZG picture: every Leistung it is responsible for (or recorded), with status,
 * the services of the catalogue that cover it and the full record; its coverage against its
 * size class; and the onboarding checklist of the four base components.
 */
export async function kommuneOzgView(
  db: Queryable,
  board: BoardState,
  key: string,
): Promise<KommuneOzgView> {
  const state = board.byKey.get(key);
  if (!state) {
    throw new NotFoundError(
      "organisation_not_found",
      `Es gibt keine Kommune mit dem Schlüssel „${key}“.`,
    );
  }
  const [adoptions, onboarding] = await Promise.all([
    listAdoptions(db, key),
    listOnboarding(db, key),
  ]);
  const recordOf = new Map(adoptions.map((record) => [record.ozgId, record]));
  const catalogue = new Map(board.catalogue.map((leistung) => [leistung.id, leistung]));
  const servicesOf = new Map<number, Array<{ id: string; name: string }>>();
  for (const service of board.services) {
    if (service.kind !== "onlinedienst") continue;
    for (const leistung of service.ozgLeistungen) {
      servicesOf.set(leistung.id, [
        ...(servicesOf.get(leistung.id) ?? []),
        { id: service.id, name: service.name },
      ]);
    }
  }
  return {
    kommune: state.kommune,
    coverage: state.coverage,
    peerClass: state.peerClass,
    peers: peersOf(board, state),
    leistungen: state.entries.flatMap((entry) => {
      const leistung = catalogue.get(entry.ozgId);
      if (!leistung) return [];
      return [
        {
          ozgId: entry.ozgId,
          name: leistung.name,
          themenfeld: leistung.themenfeld,
          leikaTypes: leistung.leikaTypes,
          responsible: entry.responsible,
          reason: entry.reason,
          status: entry.status,
          availableServices: servicesOf.get(entry.ozgId) ?? [],
          record: recordOf.get(entry.ozgId) ?? null,
        },
      ];
    }),
    checklist: BaseComponent.options.map((component) => {
      const record = onboarding.find((item) => item.component === component) ?? null;
      return {
        component,
        label: baseComponentLabel[component],
        status: record?.status ?? "offen",
        record,
      };
    }),
  };
}
