/**
 * Type mapping shared by both engines so that repositories see the same JavaScript values:
 * int8 and numeric become numbers, date stays an ISO string (no time-zone shifts).
 * PGlite returns int8 as number and pg returns strings; this makes them agree.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

function toNumber(value: string): number {
  return Number(value);
}

function keep(value: string): string {
  return value;
}

/** Parsers keyed by type OID. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: toNumber,
  [OID.NUMERIC]: toNumber,
  [OID.DATE]: keep,
};
