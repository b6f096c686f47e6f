/**
 * Error categories of IT-Atlas. Each carries a stable machine `code` (for clients and tests)
 * and a German `detail` for people. The server maps categories to HTTP status in one place.
 */
export type ErrorCategory =
  | "input"
  | "not_found"
  | "conflict"
  | "not_allowed"
  | "unauthenticated"
  | "rate_limited"
  | "too_large";

/** Base of all expected errors; `detail` is shown to users, `logMessage` only to engineers. */
export abstract class AppError extends Error {
  abstract readonly category: ErrorCategory;
  constructor(
    /** Stable machine code, e.g. `organisation_not_found`. */
    readonly code: string,
    /** German message for people. */
    readonly detail: string,
    /** Optional engineer-facing context (never sent to clients). */
    readonly logMessage?: string,
  ) {
    super(logMessage ?? detail);
    this.name = new.target.name;
  }
}

/** One invalid field of a request or import row. */
export interface FieldProblem {
  /** Name of the parameter or column, e.g. `pageSize`. */
  field: string;
  /** German message for this field. */
  message: string;
}

/** The input is malformed or violates a rule; names the offending fields. */
export class InputError extends AppError {
  readonly category = "input" as const;
  constructor(
    code: string,
    detail: string,
    readonly problems: FieldProblem[] = [],
    logMessage?: string,
  ) {
    super(code, detail, logMessage);
  }
}

/** A requested entity does not exist. */
export class NotFoundError extends AppError {
  readonly category = "not_found" as const;
}

/** The request conflicts with the current state (duplicate key, stale version, …). */
export class ConflictError extends AppError {
  readonly category = "conflict" as const;
}

/** The caller is known but may not do this. */
export class NotAllowedError extends AppError {
  readonly category = "not_allowed" as const;
}

/** The caller must sign in first. */
export class UnauthenticatedError extends AppError {
  readonly category = "unauthenticated" as const;
}

/** Too many attempts in a short time (sign-in); the client should wait. */
export class RateLimitedError extends AppError {
  readonly category = "rate_limited" as const;
}

/** The request's content is larger than allowed (an upload past its size limit). */
export class TooLargeError extends AppError {
  readonly category = "too_large" as const;
}

/** Type guard for expected application errors. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
