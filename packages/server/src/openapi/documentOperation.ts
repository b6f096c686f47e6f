import { ANONYMOUS, can } from "@it-atlas/domain";
import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { SESSION_COOKIE } from "../auth/cookies.ts";
import { problemResponses } from "../http/Problem.ts";
import { OPERATION_IDS } from "./operationIds.ts";

/** Names of the security schemes in `components.securitySchemes`. */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "Sitzung der Weboberfläche (nach `POST /api/auth/login`). Schreibende Anfragen mit Sitzung senden zusätzlich den CSRF-Header.",
  },
  csrfHeader: {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description:
      "CSRF-Schutz der Sitzung: der Wert `csrfToken` aus `GET /api/auth/session`, bei POST, PUT, PATCH und DELETE.",
  },
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "Persönliches API-Token (Konto › API-Tokens), Präfix `atl_`.",
  },
} as const;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const unauthenticated = {
  description: "Nicht angemeldet, oder das API-Token ist ungültig, abgelaufen oder widerrufen",
  content: problemResponses[403].content,
};
const forbidden = {
  description: "Keine Berechtigung (oder die CSRF-Prüfung der Sitzung schlug fehl)",
  content: problemResponses[403].content,
};

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown> };

/** Key of an operation in {@link OPERATION_IDS}: method and OpenAPI path. */
export function operationKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`;
}

/**
 * What every operation of the document states besides its own schema: its `operationId`,
 * who may call it (`security`, derived from the route's access rule, so it cannot drift from
 * what the server enforces) and the 4xx answers the shared hooks give (401 for a bad token,
 * 403 without the permission or CSRF header, 404 for an unknown path parameter, 400 for
 * invalid input, 413 for a body over the limit).
 */
export const documentOperation: SwaggerTransform = (input) => {
  const { route, url } = input;
  const schema = { ...(input.schema as RouteSchema) };
  if (schema.hide) return jsonSchemaTransform(input);
  const method = [route.method].flat()[0] ?? "GET";
  const permission = route.config?.access?.permission;
  const isPublic = permission === undefined || can(ANONYMOUS, permission);
  const unsafe = UNSAFE_METHODS.has(method.toUpperCase());
  const session = unsafe ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] };
  const security = [...(isPublic ? [{}] : []), session, { bearerToken: [] }];

  const response: Record<string, unknown> = { ...schema.response };
  const add = (status: number, value: unknown) => {
    if (!(status in response)) response[status] = value;
  };
  const hasInput = Boolean(schema.params || schema.querystring || schema.body);
  if (hasInput || unsafe) add(400, problemResponses[400]);
  add(401, unauthenticated);
  if (!isPublic || unsafe) add(403, forbidden);
  if (schema.params) add(404, problemResponses[404]);
  if (schema.body) add(413, problemResponses[413]);

  const operationId = OPERATION_IDS[operationKey(method, url)];
  return jsonSchemaTransform({
    ...input,
    schema: {
      ...schema,
      ...(operationId ? { operationId } : {}),
      security,
      response,
    },
  } as Parameters<typeof jsonSchemaTransform>[0]);
};

/** Collects every `$ref` target below `value`. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") into.add(item);
      else collectRefs(item, into);
    }
  }
}

/**
 * The document object: zod's registry schemas as components, only those an operation uses
 * (directly or through another schema).
 */
export const documentObject: SwaggerTransformObject = (documentInput) => {
  const document = jsonSchemaTransformObject(documentInput) as {
    paths?: unknown;
    components?: { schemas?: Record<string, unknown> };
  } & Record<string, unknown>;
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const pending = new Set<string>();
  collectRefs(document.paths, pending);
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref!);
    const name = ref!.replace("#/components/schemas/", "");
    if (used.has(name) || !(name in schemas)) continue;
    used.add(name);
    collectRefs(schemas[name], pending);
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return {
    ...document,
    components: { ...document.components, schemas: kept },
  } as ReturnType<SwaggerTransformObject>;
};
