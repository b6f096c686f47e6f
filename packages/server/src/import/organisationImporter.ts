import {
  listOrganisationRecords,
  lockMasterDataForImport,
  updateOrganisationAttributes,
} from "@it-atlas/db";
import {
  can,
  cellText,
  ORGANISATION_IMPORT,
  type ImportProblem,
  type OrganisationImportRow,
  type OrganisationRecord,
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
 * Kommunen: only existing Gemeinden and Kreise (by AGS, Kreisschlüssel or ARS) and only
 * their user-maintained attributes; administrators only.
 */
export const organisationImporter: EntityImporter<OrganisationImportRow> = {
  sheet: ORGANISATION_IMPORT,
  async plan(db, rows, context) {
    return entityPlan(checkOrganisations(rows, await listOrganisationRecords(db), context), {
      lock: (tx) => lockMasterDataForImport(tx, ["organisation"]),
      recheck: async (tx) => checkOrganisations(rows, await listOrganisationRecords(tx), context),
      write: (tx, changes) => updateOrganisationAttributes(tx, changes, context.reason),
    });
  },
  referenceProblems(rows, context) {
    const problems: ImportProblem[] = [];
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    const lookup = (key: string) => {
      const found = context.index.organisations.get(key);
      return found && (found.kind === "gemeinde" || found.kind === "kreis") ? found : undefined;
    };
    for (const row of rows) {
      checkOrganisationKeys(
        row,
        { organisationKey: text(row.values.organisationKey), ars: text(row.values.ars) },
        lookup,
        problems,
      );
    }
    return problems;
  },
};

/**
 * Finds a row's Kommune by Schlüssel and ARS: each unknown one and a pair that names two
 * different Kommunen is a problem of the row, all reported together.
 */
function checkOrganisationKeys<Found extends { key: string; name: string }>(
  origin: { sheet: string; row: number },
  keys: { organisationKey: string | null; ars: string | null },
  lookup: (key: string) => Found | undefined,
  problems: ImportProblem[],
): Found | undefined {
  const problem = (column: string, value: string | null, message: string) =>
    problems.push({ sheet: origin.sheet, row: origin.row, column, value, message });
  const byOwnKey = keys.organisationKey === null ? undefined : lookup(keys.organisationKey);
  const byArs = keys.ars === null ? undefined : lookup(keys.ars);
  if (keys.organisationKey !== null && !byOwnKey) {
    problem(
      "Schlüssel",
      keys.organisationKey,
      `Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „${keys.organisationKey}“; Kommunen werden nicht per Import angelegt.`,
    );
  }
  if (keys.ars !== null && !byArs) {
    problem("ARS", keys.ars, `Es gibt keine Kommune mit dem Regionalschlüssel „${keys.ars}“.`);
  }
  if (byOwnKey && byArs && byOwnKey.key !== byArs.key) {
    problem(
      "ARS",
      keys.ars,
      `Der Regionalschlüssel gehört zu ${byArs.name}, der Schlüssel zu ${byOwnKey.name}.`,
    );
    return undefined;
  }
  if ((keys.organisationKey !== null && !byOwnKey) || (keys.ars !== null && !byArs)) {
    return undefined;
  }
  return byOwnKey ?? byArs;
}

type OrganisationChange = { key: string; postcode: string | null; website: string | null };

function checkOrganisations(
  rows: readonly OrganisationImportRow[],
  stored: readonly OrganisationRecord[],
  context: ImportContext,
): CheckedChanges<OrganisationChange> {
  const counts = emptyCounts();
  const problems: ImportProblem[] = [];
  const byKey = new Map<string, OrganisationRecord>();
  for (const record of stored) {
    byKey.set(record.key, record);
    if (record.ars) byKey.set(record.ars, record);
  }
  const seen = new Map<string, number>();
  const changes: OrganisationChange[] = [];
  for (const row of rows) {
    const fail = (column: string, value: string | null, message: string) => {
      counts.invalid += 1;
      problems.push({ sheet: row.sheet, row: row.row, column, value, message });
    };
    const keyProblems: ImportProblem[] = [];
    const record = checkOrganisationKeys(row, row, (key) => byKey.get(key), keyProblems);
    if (keyProblems.length > 0 || !record) {
      counts.invalid += 1;
      problems.push(...keyProblems);
      continue;
    }
    const earlier = seen.get(record.key);
    if (earlier !== undefined) {
      counts.invalid += 1;
      problems.push(
        duplicateRow(row, earlier, "Schlüssel", record.key, `dieselbe Kommune (${record.name})`),
      );
      continue;
    }
    seen.set(record.key, row.row);
    if (cellText(record.postcode) === row.postcode && cellText(record.website) === row.website) {
      counts.unchanged += 1;
      continue;
    }
    if (!can(context.principal, "masterdata:edit")) {
      fail(
        "Schlüssel",
        record.key,
        `Sie dürfen die Angaben von ${record.name} nicht ändern; Kommunen pflegen nur Administratorinnen und Administratoren.`,
      );
      continue;
    }
    counts.changed += 1;
    changes.push({ key: record.key, postcode: row.postcode, website: row.website });
  }
  return { counts, problems, changes };
}
