import { z } from "zod";

/** RFC 9457 problem details with a stable machine `code` and German `detail`. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

/** Builds a problem document. */
export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: Problem["errors"],
): Problem {
  return {
    type: `urn:it-atlas:problem:${code}`,
    title,
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Media type of problem responses. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** Standard error responses for route schemas (documented in OpenAPI). */
export const problemResponses = {
  400: Problem.describe("Ungültige Anfrage"),
  404: Problem.describe("Nicht gefunden"),
  500: Problem.describe("Interner Fehler"),
} as const;
