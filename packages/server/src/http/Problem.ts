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

function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: Problem } } };
}

/** Standard error responses for route schemas, documented as application/problem+json. */
export const problemResponses = {
  400: problemResponse("Ungültige Anfrage"),
  404: problemResponse("Nicht gefunden"),
  403: problemResponse("Keine Berechtigung"),
  409: problemResponse("Konflikt mit dem aktuellen Stand"),
  413: problemResponse("Zu groß"),
  429: problemResponse("Zu viele Versuche"),
  500: problemResponse("Interner Fehler"),
} as const;
