import { z } from "zod";
import { Sourcing } from "./Sourcing.ts";

/** Fields whose change counts as a change of the landscape. */
export const COMPARED_FIELDS = [
  "operatingModel",
  "provider",
  "partner",
  "product",
  "runningCost",
  "investmentCost",
  "volume",
  "contractEnd",
  "satisfaction",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** One difference between two dates for a Kommune × domain. */
export const LandscapeChange = z
  .object({
    organisation: z.object({ ags: z.string(), name: z.string() }),
    domain: z.object({ id: z.string(), name: z.string() }),
    kind: z.enum(["added", "removed", "changed"]),
    fields: z.array(z.enum(COMPARED_FIELDS)),
    before: Sourcing.nullable(),
    after: Sourcing.nullable(),
  })
  .meta({ id: "LandscapeChange" });
export type LandscapeChange = z.infer<typeof LandscapeChange>;

function comparable(sourcing: Sourcing, field: ComparedField): unknown {
  const value = sourcing[field];
  if (value && typeof value === "object" && "id" in value) return value.id;
  if (value && typeof value === "object" && "ags" in value) return value.ags;
  return value;
}

/**
 * What changed between two snapshots of the landscape (e.g. 31.12.2017 and today): rows that
 * appear, disappear, or differ in a compared field. Pure; sorted by Kommune and domain.
 */
export function landscapeDiff(
  before: readonly Sourcing[],
  after: readonly Sourcing[],
): LandscapeChange[] {
  const key = (sourcing: Sourcing) => `${sourcing.organisation.ags}|${sourcing.domain.id}`;
  const beforeByKey = new Map(before.map((sourcing) => [key(sourcing), sourcing]));
  const afterByKey = new Map(after.map((sourcing) => [key(sourcing), sourcing]));
  const changes: LandscapeChange[] = [];
  for (const [itemKey, old] of beforeByKey) {
    const next = afterByKey.get(itemKey);
    if (!next) {
      changes.push({
        organisation: old.organisation,
        domain: old.domain,
        kind: "removed",
        fields: [],
        before: old,
        after: null,
      });
      continue;
    }
    const fields = COMPARED_FIELDS.filter(
      (field) => comparable(old, field) !== comparable(next, field),
    );
    if (fields.length > 0) {
      changes.push({
        organisation: next.organisation,
        domain: next.domain,
        kind: "changed",
        fields,
        before: old,
        after: next,
      });
    }
  }
  for (const [itemKey, next] of afterByKey) {
    if (!beforeByKey.has(itemKey)) {
      changes.push({
        organisation: next.organisation,
        domain: next.domain,
        kind: "added",
        fields: [],
        before: null,
        after: next,
      });
    }
  }
  return changes.sort(
    (a, b) =>
      a.organisation.name.localeCompare(b.organisation.name, "de") ||
      a.organisation.ags.localeCompare(b.organisation.ags) ||
      a.domain.id.localeCompare(b.domain.id),
  );
}
