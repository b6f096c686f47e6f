import {
  listMembershipRecords,
  lockMasterDataForImport,
  writeMemberships,
  type MembershipImportWrite,
} from "@it-atlas/db";
import {
  can,
  cellText,
  comparable,
  MEMBERSHIP_IMPORT,
  membershipRelationLabel,
  type ImportProblem,
  type MembershipContent,
  type MembershipImportRow,
  type MembershipRecord,
} from "@it-atlas/domain";
import {
  duplicateRow,
  emptyCounts,
  entityPlan,
  type CheckedChanges,
  type EntityImporter,
  type ImportContext,
} from "./EntityImporter.ts";

/**
 * Memberships (Kommune → IT-Dienstleister, Beziehung): a row matching a stored membership
 * updates Stand, Beleg and URLs; others are added. Administrators only.
 */
export const membershipImporter: EntityImporter<MembershipImportRow> = {
  sheet: MEMBERSHIP_IMPORT,
  async plan(db, rows, context) {
    return entityPlan(checkMemberships(rows, await listMembershipRecords(db), context), {
      lock: (tx) => lockMasterDataForImport(tx, ["membership"]),
      recheck: async (tx) => checkMemberships(rows, await listMembershipRecords(tx), context),
      write: (tx, changes) => writeMemberships(tx, changes),
    });
  },
  referenceProblems(rows, context) {
    const problems: ImportProblem[] = [];
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    for (const row of rows) {
      checkMembershipKeys(
        row,
        { organisationKey: text(row.values.organisationKey), provider: text(row.values.provider) },
        context,
        problems,
      );
    }
    return problems;
  },
};

/** Checks a row's Kommune and IT-Dienstleister; a null reference is left to the sheet check. */
function checkMembershipKeys(
  origin: { sheet: string; row: number },
  keys: { organisationKey: string | null; provider: string | null },
  context: ImportContext,
  problems: ImportProblem[],
) {
  const organisation =
    keys.organisationKey === null
      ? undefined
      : context.index.organisations.get(keys.organisationKey);
  if (
    keys.organisationKey !== null &&
    (!organisation || (organisation.kind !== "gemeinde" && organisation.kind !== "kreis"))
  ) {
    problems.push({
      sheet: origin.sheet,
      row: origin.row,
      column: "Schlüssel",
      value: keys.organisationKey,
      message: `Es gibt keine Kommune mit dem Schlüssel „${keys.organisationKey}“.`,
    });
  }
  const provider =
    keys.provider === null ? undefined : context.index.providers.get(comparable(keys.provider));
  if (keys.provider !== null && !provider) {
    problems.push({
      sheet: origin.sheet,
      row: origin.row,
      column: "IT-Dienstleister",
      value: keys.provider,
      message: `IT-Dienstleister „${keys.provider}“ ist unbekannt.`,
    });
  }
  return { organisation, provider };
}

/** Stored content as a spreadsheet gives it back, so that an export compares equal. */
function storedContent(record: MembershipRecord): MembershipContent {
  return {
    asOf: cellText(record.asOf),
    attestedFrom: record.attestedFrom,
    attestedTo: record.attestedTo ?? record.attestedFrom,
    evidence: cellText(record.evidence),
    sourceUrls: record.sourceUrls,
  };
}

function sameContent(a: MembershipContent, b: MembershipContent): boolean {
  return (
    a.asOf === b.asOf &&
    a.attestedFrom === b.attestedFrom &&
    a.attestedTo === b.attestedTo &&
    a.evidence === b.evidence &&
    a.sourceUrls.join("\n") === b.sourceUrls.join("\n")
  );
}

function checkMemberships(
  rows: readonly MembershipImportRow[],
  stored: readonly MembershipRecord[],
  context: ImportContext,
): CheckedChanges<MembershipImportWrite> {
  const counts = emptyCounts();
  const problems: ImportProblem[] = [];
  const changes: MembershipImportWrite[] = [];
  const byKey = new Map<string, MembershipRecord[]>();
  for (const record of stored) {
    const key = `${record.organisationKey}|${record.providerId}|${record.relation}`;
    byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }
  const matched = new Set<number>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = [];
    const { organisation, provider } = checkMembershipKeys(row, row, context, rowProblems);
    if (rowProblems.length > 0 || !organisation || !provider) {
      counts.invalid += 1;
      problems.push(...rowProblems);
      continue;
    }
    const key = `${organisation.key}|${provider.id}|${row.relation}`;
    // A source may attest the same relation twice (different Stand): Stand tells them apart.
    const identity = `${key}|${row.content.asOf ?? ""}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      counts.invalid += 1;
      problems.push(
        duplicateRow(
          row,
          earlier,
          "Beziehung",
          membershipRelationLabel[row.relation],
          "dieselbe Mitgliedschaft (Kommune, IT-Dienstleister, Beziehung und Stand)",
        ),
      );
      continue;
    }
    seen.set(identity, row.row);
    const candidates = (byKey.get(key) ?? []).filter((record) => !matched.has(record.id));
    const equal = candidates.find((record) => sameContent(storedContent(record), row.content));
    if (equal) {
      matched.add(equal.id);
      counts.unchanged += 1;
      continue;
    }
    // The stored one with the same Stand, or the only one: updated; otherwise a new one.
    const current =
      candidates.find((record) => cellText(record.asOf) === row.content.asOf) ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (current) matched.add(current.id);
    if (!can(context.principal, "masterdata:edit")) {
      counts.invalid += 1;
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: "Schlüssel",
        value: organisation.key,
        message: `Sie dürfen die Mitgliedschaften von ${organisation.name} nicht ändern; Mitgliedschaften pflegen nur Administratorinnen und Administratoren.`,
      });
      continue;
    }
    counts[current ? "changed" : "new"] += 1;
    changes.push({
      id: current?.id ?? null,
      organisationKey: organisation.key,
      providerId: provider.id,
      relation: row.relation,
      ...row.content,
    });
  }
  return { counts, problems, changes };
}
