import type { Schemas } from "../../api/client.ts";

type Provider = Schemas["Provider"];
type ProviderEvent = Schemas["ProviderEvent"];

/** German labels of provider status. */
export const STATUS_LABEL: Record<Provider["status"], string> = {
  active: "aktiv",
  merged: "fusioniert / eingegliedert",
  renamed: "umbenannt",
};

/** German labels of provider kinds. */
export const PROVIDER_KIND_LABEL: Record<Provider["kind"], string> = {
  kommunal: "Kommunaler IT-Dienstleister",
  stadt_it: "IT der eigenen Verwaltung (Stadt oder Kreis)",
  land: "Land / gemeinsame Einrichtung mit dem Land",
  dachverband: "Dachverband",
  sonstige: "Sonstige",
};

/** German labels of event types. */
export const EVENT_TYPE_LABEL: Record<ProviderEvent["type"], string> = {
  gruendung: "Gründung",
  fusion: "Fusion / Eingliederung",
  umbenennung: "Umbenennung",
  beitritt: "Beitritt",
  beitritt_vorgeschlagen: "Beitritt vorgeschlagen",
  austritt: "Austritt",
  kooperation: "Kooperation",
  kundenwechsel: "Kundenwechsel",
};
