import type { AdoptionStatus } from "@it-atlas/domain";
import type { AdoptionChange } from "./ozgReadinessQueries.ts";

/** The form's text values of a status record (adoption or checklist item). */
export interface StatusFormValues {
  status: AdoptionStatus;
  onlineServiceId: string;
  plannedDate: string;
  informationSource: string;
  informationDate: string;
  note: string;
}

/** A record as the API returns it (the fields the form needs). */
export interface StatusRecord {
  status: AdoptionStatus;
  onlineService: { id: string; name: string } | null;
  plannedDate: string | null;
  informationSource: string | null;
  informationDate: string | null;
  note: string | null;
  demo: boolean;
}

/** Statuses with a planned date. */
export const WITH_PLANNED_DATE: readonly AdoptionStatus[] = ["geplant", "in_anbindung"];

/**
 * Form values from the current record. A demo record's source and date are not carried over:
 * whoever saves states their own source, and the date defaults to today.
 */
export function toStatusFormValues(
  status: AdoptionStatus,
  record: StatusRecord | null,
  today: string,
): StatusFormValues {
  const real = record && !record.demo ? record : null;
  return {
    status,
    onlineServiceId: record?.onlineService?.id ?? "",
    plannedDate: record?.plannedDate ?? "",
    informationSource: real?.informationSource ?? "",
    informationDate: today,
    note: real?.note ?? "",
  };
}

/** The request body: only fields that fit the status are sent; empty texts become null. */
export function toStatusChange(values: StatusFormValues): AdoptionChange {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    status: values.status,
    onlineServiceId: values.status === "nicht_zustaendig" ? null : text(values.onlineServiceId),
    plannedDate: WITH_PLANNED_DATE.includes(values.status) ? text(values.plannedDate) : null,
    informationSource: text(values.informationSource),
    informationDate: values.informationDate,
    note: text(values.note),
  };
}
