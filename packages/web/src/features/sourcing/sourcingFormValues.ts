import type { Schemas } from "../../api/client.ts";
import { parseGermanNumber } from "./parseGermanNumber.ts";
import type { SourcingChange } from "./sourcingQueries.ts";

type Sourcing = Schemas["Sourcing"];
type OperatingModel = Sourcing["operatingModel"];

/** A message for one form field (same shape as the problem's `errors`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What the edit form holds: text as typed, so German numbers survive until submit. */
export interface SourcingFormValues {
  operatingModel: OperatingModel;
  providerId: string;
  partnerAgs: string;
  productId: string;
  runningCost: string;
  investmentCost: string;
  volume: string;
  contractEnd: string;
  satisfaction: string;
  validFrom: string;
  note: string;
}

/** Betriebsmodelle with an IT-Dienstleister. */
export const MODELS_WITH_PROVIDER: readonly OperatingModel[] = ["it_dienstleister", "efa_dienst"];

const editNumber = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

function toText(value: number | null): string {
  return value === null ? "" : editNumber.format(value);
}

/** Start values: the current version (if any) with "Gültig ab" today. */
export function toSourcingFormValues(current: Sourcing | null, today: string): SourcingFormValues {
  return {
    operatingModel: current?.operatingModel ?? "it_dienstleister",
    providerId: current?.provider?.status === "active" ? current.provider.id : "",
    partnerAgs: current?.partner?.ags ?? "",
    productId: current?.product?.id ?? "",
    runningCost: toText(current?.runningCost ?? null),
    investmentCost: toText(current?.investmentCost ?? null),
    volume: toText(current?.volume ?? null),
    contractEnd: current?.contractEnd ?? "",
    satisfaction: current?.satisfaction ? String(current.satisfaction) : "",
    validFrom: today,
    note: "",
  };
}

const NUMBER_FIELDS = ["runningCost", "investmentCost", "volume"] as const;

/**
 * The request body, or messages for fields the browser can already judge (numbers that are
 * not German numbers). Everything else is left to the server, whose German messages the form
 * shows. Fields hidden for the chosen Betriebsmodell are sent empty.
 */
export function toSourcingChange(
  values: SourcingFormValues,
): { kind: "valid"; change: SourcingChange } | { kind: "invalid"; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const numbers: Record<(typeof NUMBER_FIELDS)[number], number | null> = {
    runningCost: null,
    investmentCost: null,
    volume: null,
  };
  for (const field of NUMBER_FIELDS) {
    const parsed = parseGermanNumber(values[field]);
    if (parsed.kind === "invalid") {
      errors.push({
        field,
        message: "ist keine Zahl – bitte im deutschen Format eingeben, z. B. 1.234,50",
      });
    } else numbers[field] = parsed.kind === "number" ? parsed.value : null;
  }
  if (errors.length > 0) return { kind: "invalid", errors };
  const blankToNull = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    kind: "valid",
    change: {
      operatingModel: values.operatingModel,
      providerId: MODELS_WITH_PROVIDER.includes(values.operatingModel)
        ? blankToNull(values.providerId)
        : null,
      partnerAgs:
        values.operatingModel === "andere_kommune" ? blankToNull(values.partnerAgs) : null,
      productId: blankToNull(values.productId),
      ...numbers,
      contractEnd: blankToNull(values.contractEnd),
      satisfaction: values.satisfaction ? Number(values.satisfaction) : null,
      validFrom: values.validFrom,
      note: blankToNull(values.note),
    },
  };
}
