import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Problem } from "../http/Problem.ts";

/**
 * Asserts that a response is an RFC 9457 problem with the given status and stable `code`,
 * and returns its body for further checks.
 */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): Problem {
  expect(response.statusCode).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = response.json<Problem>();
  expect(body).toMatchObject({ status, code, type: `urn:it-atlas:problem:${code}` });
  expect(body.title).not.toBe("");
  expect(body.detail).not.toBe("");
  return body;
}

/** Asserts a 400 `invalid_request` whose `errors` and German `detail` name the parameter. */
export function expectInvalidParameter(
  response: LightMyRequestResponse,
  parameter: string,
): Problem {
  const body = expectProblem(response, 400, "invalid_request");
  expect(body.errors?.map((error) => error.field)).toContain(parameter);
  expect(body.detail).toMatch(/^(Abfrageparameter|Pfadparameter|Anfragetext) ungültig: /);
  expect(body.detail).toContain(`„${parameter}“`);
  return body;
}
