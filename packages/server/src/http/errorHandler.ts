import { isAppError, type AppError, type ErrorCategory } from "@it-atlas/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from "./Problem.ts";

const STATUS: Record<ErrorCategory, number> = {
  input: 400,
  unauthenticated: 401,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
};

const TITLE: Record<ErrorCategory, string> = {
  input: "Ungültige Eingabe",
  unauthenticated: "Anmeldung erforderlich",
  not_allowed: "Keine Berechtigung",
  not_found: "Nicht gefunden",
  conflict: "Konflikt",
  rate_limited: "Zu viele Anfragen",
  too_large: "Zu groß",
};

/** The one place where application errors become HTTP problems. */
export function appErrorToProblem(error: AppError): Problem {
  switch (error.category) {
    case "input":
    case "unauthenticated":
    case "not_allowed":
    case "not_found":
    case "conflict":
    case "rate_limited":
    case "too_large": {
      const errors =
        error.category === "input" && "problems" in error
          ? (error.problems as Array<{ field: string; message: string }>)
          : undefined;
      return problem(
        STATUS[error.category],
        error.code,
        TITLE[error.category],
        error.detail,
        errors,
      );
    }
    default: {
      const unreachable: never = error.category;
      throw new Error(`Unbekannte Fehlerkategorie: ${String(unreachable)}`);
    }
  }
}

const CONTEXT_LABEL: Record<string, string> = {
  querystring: "Abfrageparameter",
  params: "Pfadparameter",
  body: "Anfragetext",
  headers: "Kopfzeile",
};

function validationProblem(error: FastifyError): Problem {
  const issues = error.validation ?? [];
  const errors = issues.map((issue) => {
    const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(gesamt)";
    return { field, message: issue.message ?? "ungültig" };
  });
  const context = CONTEXT_LABEL[error.validationContext ?? ""] ?? "Eingabe";
  const detail = errors.map((entry) => `„${entry.field}“ ${entry.message}`).join("; ");
  return problem(
    400,
    "invalid_request",
    "Ungültige Anfrage",
    `${context} ungültig: ${detail}`,
    errors,
  );
}

// Fastify's own client errors, worded for people.
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "body_too_large",
    detail: "Der Anfragetext ist zu groß.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    detail: "Dieser Inhaltstyp wird nicht unterstützt.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "empty_body",
    detail: "Der Anfragetext ist leer, erwartet wird JSON.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "invalid_json",
    detail: "Der Anfragetext ist kein gültiges JSON.",
  },
};

function sendProblem(reply: FastifyReply, body: Problem, request: FastifyRequest): FastifyReply {
  return reply
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...body, instance: request.url });
}

/** Installs the error and not-found handlers for the API. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      if (error.logMessage) request.log.info({ code: error.code }, error.logMessage);
      return sendProblem(reply, appErrorToProblem(error), request);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, validationProblem(error), request);
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const body = problem(
        status,
        known?.code ?? "bad_request",
        "Ungültige Anfrage",
        known?.detail ?? "Die Anfrage konnte nicht verarbeitet werden.",
      );
      return sendProblem(reply, body, request);
    }
    request.log.error({ err: error }, "unerwarteter Fehler");
    return sendProblem(
      reply,
      problem(
        500,
        "internal_error",
        "Interner Fehler",
        "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.",
      ),
      request,
    );
  });
}

/** 404 problem for unknown API paths. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    problem(404, "route_not_found", "Nicht gefunden", `Die Adresse ${request.url} gibt es nicht.`),
    request,
  );
}
