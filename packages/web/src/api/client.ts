import createClient from "openapi-fetch";
import { csrfMiddleware } from "./csrfMiddleware.ts";
import type { components, paths } from "./schema.gen.ts";

/** Typed client of the IT-Atlas API, generated from the committed OpenAPI document. */
export const api = createClient<paths>({ baseUrl: "" });
api.use(csrfMiddleware);

/** Schemas of the API (generated types). */
export type Schemas = components["schemas"];

/** RFC 9457 problem as the API sends it. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** An API error carrying the server's German problem detail. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "detail" in value &&
    "code" in value &&
    typeof (value as { detail: unknown }).detail === "string"
  );
}

function toApiError(result: { error?: unknown; response: Response }): ApiError {
  if (isProblem(result.error)) return new ApiError(result.error);
  return new ApiError({
    status: result.response.status,
    code: "unexpected_response",
    title: "Fehler",
    detail: `Der Server antwortete unerwartet (Status ${result.response.status}).`,
  });
}

/**
 * Unwraps an openapi-fetch result: the data, or an {@link ApiError} with the problem detail
 * (or a German fallback when the server could not be reached or sent no problem document).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw toApiError(result);
}

/** Like {@link unwrap} for answers without a body (204): throws unless the request succeeded. */
export function ensureOk(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) throw toApiError(result);
}

/**
 * Whether a failed query is worth one more try: a network failure or a server error (5xx)
 * may pass; an answer the server gave on purpose (sign-in, rights, not found, invalid) would
 * only be given again.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  return !(error instanceof ApiError) || error.problem.status >= 500;
}
