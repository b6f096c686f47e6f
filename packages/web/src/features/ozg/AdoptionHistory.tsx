import { adoptionStatusLabel, provenanceQualityLabel, type CsvColumn } from "@it-atlas/domain";
import { useState } from "react";
import { Link } from "react-router";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { Pagination } from "../../ui/Pagination.tsx";
import { SortableTable, type TableColumn } from "../../ui/SortableTable.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { OrganisationPicker } from "../administration/OrganisationPicker.tsx";
import { VIA_LABEL } from "../administration/auditLabels.ts";
import {
  fetchAllAdoptionHistory,
  useAdoptionHistory,
  type AdoptionHistoryEntry,
} from "./adoptionHistoryQueries.ts";

const PAGE_SIZE = 50;

const ACTION_LABEL: Record<AdoptionHistoryEntry["action"], string> = {
  create: "erstmals erfasst",
  change: "geändert",
  import: "importiert",
};

const statusText = (status: AdoptionHistoryEntry["statusBefore"]) =>
  status ? adoptionStatusLabel[status] : "–";
const qualityText = (quality: AdoptionHistoryEntry["quality"]) =>
  quality ? provenanceQualityLabel[quality] : "–";
const wayText = (entry: AdoptionHistoryEntry) =>
  `${ACTION_LABEL[entry.action]} (${VIA_LABEL[entry.via]})`;

const COLUMNS: ReadonlyArray<TableColumn<AdoptionHistoryEntry>> = [
  {
    id: "at",
    header: "Zeitpunkt",
    sortValue: (entry) => entry.at,
    cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, { seconds: true })}</time>,
  },
  {
    id: "kommune",
    header: "Kommune",
    rowHeader: true,
    sortValue: (entry) => entry.kommuneName ?? entry.organisationKey,
    cell: (entry) => (
      <Link className="kern-link" to={`/ozg-umsetzung/kommunen/${entry.organisationKey}`}>
        {entry.kommuneName ?? entry.organisationKey}
      </Link>
    ),
  },
  {
    id: "statusBefore",
    header: "Status vorher",
    sortValue: (entry) => statusText(entry.statusBefore),
    accessor: (entry) => statusText(entry.statusBefore),
  },
  {
    id: "statusAfter",
    header: "Status nachher",
    sortValue: (entry) => statusText(entry.statusAfter),
    accessor: (entry) => statusText(entry.statusAfter),
  },
  {
    id: "informationDate",
    header: "Stand der Angabe",
    sortValue: (entry) => entry.informationDate,
    accessor: (entry) => formatIsoDate(entry.informationDate),
  },
  {
    id: "onlineService",
    header: "Onlinedienst",
    sortValue: (entry) => entry.onlineServiceName,
    accessor: (entry) => entry.onlineServiceName ?? "–",
  },
  {
    id: "quality",
    header: "Qualität",
    sortValue: (entry) => qualityText(entry.quality),
    accessor: (entry) => qualityText(entry.quality),
  },
  { id: "way", header: "Art", sortValue: wayText, accessor: wayText },
  {
    id: "changedBy",
    header: "Geändert von",
    sortValue: (entry) => entry.changedBy,
    accessor: (entry) => entry.changedBy ?? "–",
  },
];

const EXPORT_COLUMNS: ReadonlyArray<CsvColumn<AdoptionHistoryEntry>> = [
  { header: "Zeitpunkt", value: (entry) => formatDateTime(entry.at, { seconds: true }) },
  { header: "Schlüssel", value: (entry) => entry.organisationKey },
  { header: "Kommune", value: (entry) => entry.kommuneName ?? "" },
  { header: "Status vorher", value: (entry) => statusText(entry.statusBefore) },
  { header: "Status nachher", value: (entry) => statusText(entry.statusAfter) },
  { header: "Stand der Angabe", value: (entry) => formatIsoDate(entry.informationDate) },
  { header: "Onlinedienst", value: (entry) => entry.onlineServiceName ?? "" },
  { header: "Qualität", value: (entry) => qualityText(entry.quality) },
  { header: "Art", value: wayText },
  { header: "Geändert von", value: (entry) => entry.changedBy ?? "" },
];

/**
 * "Verlauf der Umsetzung": every recorded or imported change of the Kommunen's status for one
 * OZG-Leistung, newest first, from the audit log; optionally for one Kommune.
 */
export function AdoptionHistory({ ozgId, name }: { ozgId: number; name: string }) {
  const [kommune, setKommune] = useState({ key: "", name: "" });
  const [page, setPage] = useState(1);
  const history = useAdoptionHistory(ozgId, {
    kommune: kommune.key || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const choose = (key: string, kommuneName: string) => {
    setKommune({ key, name: kommuneName });
    setPage(1);
  };
  const scope = kommune.key ? `${kommune.name || kommune.key}` : "alle Kommunen";
  return (
    <section aria-labelledby="verlauf-titel">
      <h2 id="verlauf-titel" className="kern-heading-medium">
        Verlauf der Umsetzung
      </h2>
      <p className="kern-body">
        Jede Änderung des Umsetzungsstands dieser Leistung – von Hand erfasst oder importiert –,
        neueste zuerst. Wer geändert hat, sehen nur Administratorinnen und Administratoren sowie die
        Bearbeiterinnen und Bearbeiter der jeweiligen Kommune.
      </p>
      <div className="atlas-filters">
        <OrganisationPicker
          id="verlauf-kommune"
          label="Kommune"
          value={kommune.key}
          valueName={kommune.name}
          onChange={choose}
        />
        {kommune.key ? (
          <div className="atlas-filters__actions">
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => choose("", "")}
            >
              <span className="kern-label">Alle Kommunen zeigen</span>
            </button>
          </div>
        ) : null}
      </div>
      {history.isPending ? <LoadingState label="Verlauf wird geladen …" /> : null}
      {history.isError ? (
        <ErrorState
          error={history.error}
          title="Verlauf konnte nicht geladen werden"
          onRetry={() => void history.refetch()}
        />
      ) : null}
      {history.data && history.data.total === 0 ? (
        <EmptyState>
          Für {kommune.key ? scope : "diese Leistung"} wurde noch keine Änderung des
          Umsetzungsstands erfasst.
        </EmptyState>
      ) : null}
      {history.data && history.data.total > 0 ? (
        <>
          <div className="atlas-filters__actions">
            <TableExport
              fileStem={`ozg-${ozgId}-verlauf`}
              sheetName="Verlauf"
              label="Verlauf"
              columns={EXPORT_COLUMNS}
              load={() => fetchAllAdoptionHistory(ozgId, kommune.key || undefined)}
            />
          </div>
          <div aria-busy={history.isFetching}>
            <SortableTable
              caption={`Verlauf der Umsetzung von ${name} (${scope}, ${history.data.total} Änderungen)`}
              columns={COLUMNS}
              rows={history.data.items}
              rowKey={(entry) => entry.id}
            />
          </div>
          {history.data.total > PAGE_SIZE ? (
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={history.data.total}
              onPage={setPage}
              label="Seiten des Verlaufs"
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
