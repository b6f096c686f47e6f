/**
 * Download links for the landscape as of a day: the list (CSV, Excel), the whole landscape
 * as a workbook, Kommunen as GeoJSON and the ArchiMate exchange file. The server filters
 * and redacts as for the viewer. `query` carries the Landkarte's filters (domain, kreis, …).
 */
export function ExportLinks({
  asOf,
  query = {},
}: {
  asOf: string;
  query?: Record<string, string | undefined>;
}) {
  const params = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ asOf, ...extra });
    for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
    return search.toString();
  };
  const links: Array<[string, string]> = [
    ["Bezüge als Excel (.xlsx)", `/api/export/landscape?${params({ format: "xlsx" })}`],
    ["Bezüge als CSV", `/api/export/landscape?${params({ format: "csv" })}`],
    [
      "Gesamte Landkarte als Excel-Arbeitsmappe",
      `/api/export/workbook?${new URLSearchParams({ asOf }).toString()}`,
    ],
    [
      "Kommunen als GeoJSON",
      `/api/export/geojson?${new URLSearchParams({
        asOf,
        level: "gemeinde",
        attributes: query.domain
          ? "name,art,einwohner,betriebsmodell,dienstleister,jahreskosten"
          : "name,art,einwohner,kreis",
        ...(query.domain ? { domain: query.domain } : {}),
      }).toString()}`,
    ],
    [
      "ArchiMate-Austauschformat (.xml)",
      `/api/export/archimate?${new URLSearchParams({ asOf }).toString()}`,
    ],
  ];
  return (
    <ul className="atlas-export-links">
      {links.map(([label, href]) => (
        <li key={href}>
          <a className="kern-link" href={href} download>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}
