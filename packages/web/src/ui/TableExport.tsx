import type { CsvColumn } from "@it-atlas/domain";
import { useState } from "react";
import { downloadTable, type TableFormat } from "./downloadTable.ts";
import { errorMessage } from "./States.tsx";

/**
 * "Export CSV / Excel" buttons for a list: the rows shown with the filters applied (or, with
 * `load`, all pages of them fetched on click), in the same columns for both formats.
 */
export function TableExport<Row>({
  fileStem,
  columns,
  rows,
  load,
  sheetName,
  label = "Liste",
}: {
  fileStem: string;
  columns: ReadonlyArray<CsvColumn<Row>>;
  /** The rows to export; or give `load` to fetch them when a button is pressed. */
  rows?: readonly Row[];
  load?: () => Promise<readonly Row[]>;
  sheetName?: string;
  /** What is exported, for the button labels ("Liste", "Vergleich" …). */
  label?: string;
}) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const empty = !load && (rows?.length ?? 0) === 0;

  async function run(format: TableFormat) {
    setState({ busy: true });
    try {
      const data = load ? await load() : (rows ?? []);
      downloadTable(fileStem, format, columns, data, sheetName);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  }

  return (
    <div className="atlas-table-export" role="group" aria-label={`${label} exportieren`}>
      {(["csv", "xlsx"] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="kern-btn kern-btn--tertiary"
          disabled={empty || state.busy}
          onClick={() => void run(format)}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">
            {label} als {format === "csv" ? "CSV" : "Excel"} exportieren
          </span>
        </button>
      ))}
      {state.busy ? (
        <span className="kern-body kern-body--small" role="status">
          Export wird vorbereitet …
        </span>
      ) : null}
      {state.error ? (
        <span className="kern-body kern-body--small" role="alert">
          Export fehlgeschlagen: {state.error}
        </span>
      ) : null}
    </div>
  );
}
