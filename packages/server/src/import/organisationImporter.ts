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
};

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
    const byOwnKey = row.organisationKey === null ? undefined : byKey.get(row.organisationKey);
    const byArs = row.ars === null ? undefined : byKey.get(row.ars);
    const fail = (column: string, value: string | null, message: string) => {
      counts.invalid += 1;
      problems.push({ sheet: row.sheet, row: row.row, column, value, message });
    };
    if (row.organisationKey !== null && !byOwnKey) {
      fail(
        "Schlüssel",
        row.organisationKey,
        `Es gibt keine Gemeinde und keinen Kreis mit dem Schlüssel „${row.organisationKey}“; Kommunen werden nicht per Import angelegt.`,
      );
      continue;
    }
    if (row.ars !== null && !byArs) {
      fail("ARS", row.ars, `Es gibt keine Kommune mit dem Regionalschlüssel „${row.ars}“.`);
      continue;
    }
    const record = byOwnKey ?? byArs;
    if (!record) continue;
    if (byOwnKey && byArs && byOwnKey.key !== byArs.key) {
      fail(
        "ARS",
        row.ars,
        `Der Regionalschlüssel gehört zu ${byArs.name}, der Schlüssel zu ${byOwnKey.name}.`,
      );
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
