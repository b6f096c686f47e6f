import {
  municipalityTypeLabel,
  provenanceQualityLabel,
  readinessStatusLabel,
  toCsv,
  type MunicipalityType,
  type ReadinessRow,
  type ServiceReadiness,
} from "@it-atlas/domain";

const typeLabel = (type: string) =>
  type === "kreis"
    ? "Kreis"
    : type === "staedteregion"
      ? "StädteRegion"
      : municipalityTypeLabel[type as MunicipalityType];

/** The board's rows as CSV (semicolon, decimal comma), with the service's status when chosen. */
export function readinessCsv(
  rows: readonly ReadinessRow[],
  service: ServiceReadiness | null,
): string {
  return toCsv<ReadinessRow>(
    [
      { header: "Schlüssel", value: (row) => row.kommune.key },
      { header: "Kommune", value: (row) => row.kommune.name },
      { header: "Typ", value: (row) => typeLabel(row.kommune.type) },
      { header: "Kreis", value: (row) => row.kommune.kreisName },
      { header: "Regierungsbezirk", value: (row) => row.kommune.regierungsbezirkName },
      ...(service
        ? [
            {
              header: `Status ${service.service.name}`,
              value: (row: ReadinessRow) =>
                row.serviceStatus ? readinessStatusLabel[row.serviceStatus] : null,
            },
            {
              header: "Stand der Angabe",
              value: (row: ReadinessRow) => row.serviceInformationDate,
            },
            { header: "Demodaten", value: (row: ReadinessRow) => row.serviceDemo },
          ]
        : []),
      { header: "Zuständige OZG-Leistungen", value: (row) => row.coverage.responsible },
      { header: "online", value: (row) => row.coverage.online },
      { header: "in Anbindung", value: (row) => row.coverage.inProgress },
      { header: "geplant", value: (row) => row.coverage.planned },
      { header: "offen", value: (row) => row.coverage.open },
      {
        header: "Abdeckung (%)",
        value: (row) =>
          row.coverage.share === null ? null : Math.round(row.coverage.share * 1000) / 10,
      },
      {
        header: "Median der Größenklasse (%)",
        value: (row) => (row.peerMedian === null ? null : Math.round(row.peerMedian * 1000) / 10),
      },
      {
        header: "Qualität",
        value: (row) => (row.demo ? provenanceQualityLabel.demo : null),
      },
    ],
    rows,
  );
}
