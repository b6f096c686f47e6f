import { useId } from "react";
import { KPI_LEVELS, useCurrentKpis, type KpiLevel } from "./kpiQueries.ts";

/** Level and scope selection (NRW, Regierungsbezirk, Kreis, Kommune) with labelled selects. */
export function ScopePicker({
  level,
  scopeKey,
  onChange,
  levels = KPI_LEVELS.map((entry) => entry.value),
}: {
  level: KpiLevel;
  scopeKey: string;
  onChange: (level: KpiLevel, key: string) => void;
  levels?: readonly KpiLevel[];
}) {
  const levelId = useId();
  const keyId = useId();
  const current = useCurrentKpis(level);
  const items = current.data?.items ?? [];
  return (
    <>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={levelId}>
          Ebene
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={levelId}
            className="kern-form-input__select"
            value={level}
            onChange={(event) => {
              const next = event.target.value as KpiLevel;
              onChange(next, next === "nrw" ? "05" : "");
            }}
          >
            {KPI_LEVELS.filter((entry) => levels.includes(entry.value)).map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {level === "nrw" ? null : (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={keyId}>
            Gebiet
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={keyId}
              className="kern-form-input__select"
              value={scopeKey}
              onChange={(event) => onChange(level, event.target.value)}
            >
              <option value="">{current.isPending ? "wird geladen …" : "Bitte wählen"}</option>
              {items.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.name} ({item.key})
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </>
  );
}
