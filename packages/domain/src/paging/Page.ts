import { z } from "zod";

/** Largest page a client may request; protects the server and the browser. */
export const MAX_PAGE_SIZE = 500;

/** A page size parameter between 1 and `max` (German message), defaulting to `fallback`. */
export function pageSizeUpTo(max: number, fallback: number) {
  const message = `muss eine ganze Zahl zwischen 1 und ${max} sein`;
  return z.coerce
    .number({ message })
    .int({ message })
    .min(1, { message })
    .max(max, { message })
    .default(fallback);
}

/** Paging parameters of list endpoints (1-based page). */
export const PageQuery = z.object({
  page: z.coerce
    .number({ message: "muss eine ganze Zahl ≥ 1 sein" })
    .int({ message: "muss eine ganze Zahl ≥ 1 sein" })
    .min(1, { message: "muss eine ganze Zahl ≥ 1 sein" })
    .default(1),
  pageSize: pageSizeUpTo(MAX_PAGE_SIZE, 50),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: the items and the total number of matches. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative() });
}

/** Sort direction of list endpoints. */
export const SortDirection = z.enum(["asc", "desc"]);
export type SortDirection = z.infer<typeof SortDirection>;
