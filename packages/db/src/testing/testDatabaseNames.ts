import { randomBytes } from "node:crypto";

/**
 * Names of the PostgreSQL test databases (ADR 0006). Every name carries the run that made
 * it and when that run started, so that runs sharing one cluster never drop each other's
 * databases and a sweep can tell an abandoned database from a live one:
 *
 *   atlas_test_r<start, seconds since 1970 in base 36>_<run id>_<suffix>
 *
 * `suffix` is `template` for the run's template and random hex for a test file's clone.
 * Names of older versions (`atlas_test_template`, `atlas_test_<hex>`) have no start time.
 */
export const TEST_DATABASE_PREFIX = "atlas_test_";

const RUN_NAME = /^atlas_test_r([0-9a-z]{1,12})_([0-9a-f]{8})_[0-9a-z]+$/;

/** The name prefix of one test run: every database of the run starts with it. */
export function newRunPrefix(now: number = Date.now()): string {
  const started = Math.floor(now / 1000).toString(36);
  return `${TEST_DATABASE_PREFIX}r${started}_${randomBytes(4).toString("hex")}_`;
}

export function templateNameOf(runPrefix: string): string {
  return `${runPrefix}template`;
}

export function cloneNameOf(runPrefix: string): string {
  return `${runPrefix}${randomBytes(6).toString("hex")}`;
}

/** What a test database's name says about its run (undefined: not a current-format name). */
export function parseTestDatabaseName(
  name: string,
): { runPrefix: string; startedAt: number } | undefined {
  const match = RUN_NAME.exec(name);
  if (!match) return undefined;
  const startedAt = Number.parseInt(match[1]!, 36) * 1000;
  if (!Number.isFinite(startedAt)) return undefined;
  return { runPrefix: `${TEST_DATABASE_PREFIX}r${match[1]}_${match[2]}_`, startedAt };
}

/** A quoted identifier, so that no name can ever be read as SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
