import { z } from "zod";

/**
 * How a Kommune obtains a service (Betriebsmodell): its own IT, a municipal IT provider,
 * another Kommune, the Land, or an EfA service ("Einer für Alle").
 */
export const OperatingModel = z.enum([
  "eigenbetrieb",
  "it_dienstleister",
  "andere_kommune",
  "land",
  "efa_dienst",
]);
export type OperatingModel = z.infer<typeof OperatingModel>;

/** German labels of operating models. */
export const operatingModelLabel: Record<OperatingModel, string> = {
  eigenbetrieb: "Eigener Betrieb",
  it_dienstleister: "IT-Dienstleister",
  andere_kommune: "Andere Kommune",
  land: "Land",
  efa_dienst: "EfA-Dienst",
};
