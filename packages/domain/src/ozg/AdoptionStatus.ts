import { z } from "zod";

/**
 * How far a Kommune is with one OZG-Leistung or one central base component. `offen` is also
 * what a responsible Leistung without any record counts as ("fehlt" on the readiness board).
 * `nicht_zustaendig` recorded for a Kommune overrides the responsibility rule for it.
 */
export const AdoptionStatus = z.enum([
  "nicht_zustaendig",
  "offen",
  "geplant",
  "in_anbindung",
  "online",
]);
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

/** German labels of adoption statuses. */
export const adoptionStatusLabel: Record<AdoptionStatus, string> = {
  nicht_zustaendig: "nicht zuständig",
  offen: "offen (fehlt)",
  geplant: "geplant",
  in_anbindung: "in Anbindung",
  online: "online",
};

/** Statuses in order of progress (a later one is further). */
export const ADOPTION_PROGRESS: readonly AdoptionStatus[] = [
  "offen",
  "geplant",
  "in_anbindung",
  "online",
];

/** The further of two statuses (ignoring `nicht_zustaendig`, which is not progress). */
export function furtherStatus(a: AdoptionStatus, b: AdoptionStatus): AdoptionStatus {
  return ADOPTION_PROGRESS.indexOf(b) > ADOPTION_PROGRESS.indexOf(a) ? b : a;
}

/**
 * Central base components that online services depend on and each Kommune has to connect
 * (its onboarding checklist): Servicekonto (NRW account / BundID), E-Payment, XTA/OSCI
 * transport to the Fachverfahren, and a form solution.
 */
export const BaseComponent = z.enum(["servicekonto", "epayment", "xta", "formular"]);
export type BaseComponent = z.infer<typeof BaseComponent>;

/** German labels of base components. */
export const baseComponentLabel: Record<BaseComponent, string> = {
  servicekonto: "Servicekonto / BundID",
  epayment: "E-Payment",
  xta: "XTA/OSCI-Transport",
  formular: "Formularlösung",
};

/**
 * Status of a Kommune for one central or EfA service on the readiness board: its adoption
 * status, or `andere_loesung` when it offers the Leistungen online with another service.
 */
export const ReadinessStatus = z.enum([
  "online",
  "in_anbindung",
  "geplant",
  "offen",
  "andere_loesung",
  "nicht_zustaendig",
]);
export type ReadinessStatus = z.infer<typeof ReadinessStatus>;

/** German labels of readiness statuses. */
export const readinessStatusLabel: Record<ReadinessStatus, string> = {
  online: "online / angebunden",
  in_anbindung: "in Anbindung",
  geplant: "geplant",
  offen: "fehlt",
  andere_loesung: "andere Lösung",
  nicht_zustaendig: "nicht zuständig",
};
