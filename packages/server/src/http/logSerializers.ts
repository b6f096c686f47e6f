import type { FastifyRequest } from "fastify";

/**
 * What the server log may hold (issue 15, ASVS V7.1): never a one-time secret from a URL
 * (invitation, password reset and survey links carry `token=…`; OIDC callbacks `code` and
 * `state`), never the parameters of an SQL statement (names, e-mail addresses, confidential
 * costs) that a database error carries.
 */
const SECRET_PARAMETER = /^(token|code|state|nonce|password|passwort|secret|key|api_?key)$/i;

export const REDACTED = "[entfernt]";

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const question = url.indexOf("?");
  if (question < 0) return url;
  const hash = url.indexOf("#", question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replaceAll("+", " "));
      } catch {
        // An undecodable name is logged as it is; its value may still be secret.
        return equals < 0 ? pair : `${name}=${REDACTED}`;
      }
      return equals >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join("&");
  return `${url.slice(0, question + 1)}${redacted}`;
}

/** Request fields for the log: method, redacted URL, client address. */
export function serializeRequest(request: FastifyRequest): {
  method: string;
  url: string;
  hostname: string;
  remoteAddress: string;
} {
  return {
    method: request.method,
    url: redactUrl(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
  };
}

/** Error fields for the log: type, message, SQLSTATE and stack — no query, no parameters. */
export function serializeError(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: "" };
  const fields: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: error.name,
    message: error.message,
    stack: error.stack ?? "",
  };
  for (const key of ["code", "severity", "routine", "constraint", "table", "column"]) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === "string") fields[key] = value;
  }
  return fields;
}

/** The serializers every logger of the server uses. */
export const logSerializers = { req: serializeRequest, err: serializeError };
