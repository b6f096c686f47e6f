import { firstOfMonthAfter, monthsBetween } from "../demo/calendar.ts";
import { randomFor, type Random } from "../demo/random.ts";
import type { ResponsibleType } from "../landscape/ServiceDomain.ts";
import { BaseComponent, type AdoptionStatus } from "./AdoptionStatus.ts";
import type { LeikaType } from "./Ozg.ts";
import { responsibilityFor, type ResponsibilityRules } from "./responsibility.ts";

/** What the demo adoption generator needs. */
export interface DemoAdoptionInput {
  kommunen: ReadonlyArray<{ key: string; type: ResponsibleType; population: number }>;
  leistungen: ReadonlyArray<{ id: number; leikaTypes: readonly LeikaType[] }>;
  rules: ResponsibilityRules;
  services: ReadonlyArray<{
    id: string;
    component: BaseComponent | null;
    dependencies: readonly BaseComponent[];
    ozgIds: readonly number[];
  }>;
  seed: number;
  /** Information dates fall in the months from `from` to `to`; plans lie after `to`. */
  from: string;
  to: string;
}

/** A generated status record (adoption when `ozgId` is set, onboarding when `component` is). */
export interface DemoAdoptionRecord {
  organisationKey: string;
  ozgId: number | null;
  component: BaseComponent | null;
  status: AdoptionStatus;
  onlineServiceId: string | null;
  plannedDate: string | null;
  informationDate: string;
}

// How likely a base component is connected, before the Kommune's own pace is applied.
const COMPONENT_BASE: Record<BaseComponent, number> = {
  servicekonto: 0.75,
  epayment: 0.55,
  xta: 0.6,
  formular: 0.5,
};

/**
 * Demo adoption ("Demodaten (synthetisch)"): every Kommune gets a pace (larger ones a little
 * faster), connects base components with it, and adopts the services that cover its
 * responsible Leistungen — a Leistung goes online only when the service's base components are
 * connected, so the board shows plausible gaps. Deterministic: one random stream per Kommune
 * and item, so a new Leistung does not reshuffle the others.
 */
export function generateDemoAdoption(input: DemoAdoptionInput): DemoAdoptionRecord[] {
  const records: DemoAdoptionRecord[] = [];
  const months = Math.max(0, monthsBetween(input.from, input.to));
  const informationDate = (random: Random) =>
    firstOfMonthAfter(input.from, random.integer(0, months));
  const plannedDate = (random: Random) => firstOfMonthAfter(input.to, random.integer(1, 18));
  const components = input.services.filter((service) => service.component !== null);
  const coveringServices = new Map<number, string[]>();
  for (const service of input.services) {
    if (service.component !== null) continue;
    for (const id of service.ozgIds) {
      coveringServices.set(id, [...(coveringServices.get(id) ?? []), service.id]);
    }
  }
  const dependenciesOf = new Map(
    input.services.map((service) => [service.id, service.dependencies]),
  );

  for (const kommune of input.kommunen) {
    const pace = Math.min(
      0.95,
      Math.max(
        0.05,
        randomFor(input.seed, kommune.key, "pace").normal(0.45, 0.18) +
          0.04 * Math.log10(Math.max(1000, kommune.population) / 20_000),
      ),
    );
    const connected = new Map<BaseComponent, AdoptionStatus>();
    for (const component of BaseComponent.options) {
      const random = randomFor(input.seed, kommune.key, component);
      const candidates = components.filter((service) => service.component === component);
      if (candidates.length === 0) continue;
      const roll = random.next();
      const online = COMPONENT_BASE[component] * (0.6 + pace);
      const status: AdoptionStatus =
        roll < online
          ? "online"
          : roll < online + 0.12
            ? "in_anbindung"
            : roll < online + 0.25
              ? "geplant"
              : "offen";
      connected.set(component, status);
      if (status === "offen") continue;
      // Most connect the central solution; a few (in RB Düsseldorf's KRZN area, say) another.
      const service =
        candidates.length > 1 && random.chance(0.15) ? candidates[1]! : candidates[0]!;
      records.push({
        organisationKey: kommune.key,
        ozgId: null,
        component,
        status,
        onlineServiceId: service.id,
        plannedDate: status === "geplant" || status === "in_anbindung" ? plannedDate(random) : null,
        informationDate: informationDate(random),
      });
    }

    for (const leistung of input.leistungen) {
      if (!responsibilityFor(leistung, kommune.type, input.rules).responsible) continue;
      const random = randomFor(input.seed, kommune.key, String(leistung.id));
      const services = coveringServices.get(leistung.id) ?? [];
      if (services.length === 0) {
        const roll = random.next();
        const status: AdoptionStatus | undefined =
          roll < 0.1 * (0.5 + pace) ? "online" : roll < 0.14 ? "geplant" : undefined;
        if (status) {
          records.push({
            organisationKey: kommune.key,
            ozgId: leistung.id,
            component: null,
            status,
            onlineServiceId: null,
            plannedDate: status === "geplant" ? plannedDate(random) : null,
            informationDate: informationDate(random),
          });
        }
        continue;
      }
      if (random.chance(0.03)) {
        // A Kommune that left the task to another level (e.g. by agreement with its Kreis).
        records.push({
          organisationKey: kommune.key,
          ozgId: leistung.id,
          component: null,
          status: "nicht_zustaendig",
          onlineServiceId: null,
          plannedDate: null,
          informationDate: informationDate(random),
        });
        continue;
      }
      const serviceId = random.pick(services);
      const ready = (dependenciesOf.get(serviceId) ?? []).every(
        (component) => connected.get(component) === "online",
      );
      const roll = random.next();
      const online = 0.35 + 0.55 * pace;
      let status: AdoptionStatus =
        roll < online
          ? "online"
          : roll < online + 0.15
            ? "in_anbindung"
            : roll < online + 0.3
              ? "geplant"
              : "offen";
      // Without its base components a service cannot be online yet.
      if (status === "online" && !ready) status = "in_anbindung";
      if (status === "offen") continue;
      records.push({
        organisationKey: kommune.key,
        ozgId: leistung.id,
        component: null,
        status,
        onlineServiceId: random.chance(0.08) && status === "online" ? null : serviceId,
        plannedDate: status === "geplant" || status === "in_anbindung" ? plannedDate(random) : null,
        informationDate: informationDate(random),
      });
    }
  }
  return records;
}
