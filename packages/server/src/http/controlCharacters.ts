import { InputError, type FieldProblem } from "@it-atlas/domain";
import type { FastifyInstance } from "fastify";

/**
 * NUL and the other C0/C1 control characters (except tab, line feed and carriage return)
 * have no place in any text a person sends; PostgreSQL refuses NUL in text, which used to
 * end in a 500 that logged the statement's parameters (issue 15.2). They are refused at the
 * edge, for every route, before validation: 400 `invalid_characters` naming the field.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const MAX_PROBLEMS = 20;

/** A parsed record (JSON body, query string object); not a Buffer, stream or class instance. */
function isPlainRecord(value: object): boolean {
  const constructor: unknown = (value as { constructor?: unknown }).constructor;
  return constructor === undefined || constructor === Object;
}

function collect(value: unknown, path: string, problems: FieldProblem[], depth: number): void {
  if (problems.length >= MAX_PROBLEMS || depth > 32) return;
  if (typeof value === "string") {
    if (FORBIDDEN.test(value)) {
      problems.push({
        field: path || "(gesamt)",
        message: "enthält unzulässige Steuerzeichen (z. B. ein Nullbyte)",
      });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      collect(item, path ? `${path}.${index}` : String(index), problems, depth + 1),
    );
    return;
  }
  if (value !== null && typeof value === "object" && isPlainRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN.test(key)) {
        problems.push({ field, message: "enthält unzulässige Steuerzeichen im Namen" });
      }
      collect(item, field, problems, depth + 1);
    }
  }
}

const PARTS = [
  ["params", "Pfadparameter"],
  ["query", "Abfrageparameter"],
  ["body", "Anfragetext"],
] as const;

/** The fields of a request whose text holds a forbidden control character, by part. */
export function controlCharacterProblems(parts: {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}): FieldProblem[] {
  return PARTS.flatMap(([part]) => {
    const problems: FieldProblem[] = [];
    collect(parts[part], "", problems, 0);
    return problems;
  });
}

/**
 * Refuses such requests before validation, in the shape of a validation error (400
 * `invalid_request`, „Abfrageparameter ungültig: „q“ …“), for the first part that has them.
 */
export function installControlCharacterGuard(app: FastifyInstance): void {
  app.addHook("preValidation", (request, _reply, done) => {
    // Raw uploads (Buffer, stream) are checked by their importers, cell by cell.
    for (const [part, label] of PARTS) {
      const problems = controlCharacterProblems({ [part]: request[part] });
      if (problems.length === 0) continue;
      done(
        new InputError(
          "invalid_request",
          `${label} ungültig: ${problems.map((problem) => `„${problem.field}“ ${problem.message}`).join("; ")}`,
          problems,
        ),
      );
      return;
    }
    done();
  });
}
