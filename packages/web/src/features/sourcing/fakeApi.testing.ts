import { beforeEach, vi } from "vitest";

/** A route of the fake API: method and path → status and JSON body. */
export interface FakeRoute {
  method?: string;
  path: string | RegExp;
  status?: number;
  body: unknown;
}

/** A request the component under test made. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

const routes: FakeRoute[] = [];
const requests: RecordedRequest[] = [];

// Node's Request refuses relative URLs; the browser resolves them against the page.
const NodeRequest = globalThis.Request;
class PageRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === "string" ? new URL(input, "http://localhost") : input, init);
  }
}

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof NodeRequest ? input : new PageRequest(input, init);
  const url = new URL(request.url);
  const text = request.method === "GET" ? "" : await request.text();
  requests.push({
    method: request.method,
    url,
    headers: request.headers,
    body: text ? JSON.parse(text) : undefined,
  });
  const route = routes.find(
    (candidate) =>
      (candidate.method ?? "GET") === request.method &&
      (typeof candidate.path === "string"
        ? url.pathname === candidate.path
        : candidate.path.test(url.pathname)),
  );
  if (!route) throw new TypeError(`Keine Testantwort für ${request.method} ${url.pathname}`);
  const status = route.status ?? 200;
  // A 204 has no body, as on the server (openapi-fetch then yields no data).
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(route.body), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

// openapi-fetch keeps the fetch and Request it finds when the client module loads, so this
// module must be imported before any component (first import of the test file).
vi.stubGlobal("fetch", fakeFetch);
vi.stubGlobal("Request", PageRequest);

beforeEach(() => {
  routes.length = 0;
  requests.length = 0;
});

/** The fake API of web component tests: answer routes, inspect requests. */
export const fakeApi = {
  requests,
  /** Later routes win over earlier ones for the same path. */
  respond(route: FakeRoute) {
    routes.unshift(route);
  },
};
