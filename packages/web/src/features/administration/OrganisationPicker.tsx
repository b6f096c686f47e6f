import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client.ts";
import { formatInteger } from "../../ui/format.ts";
import { FormField } from "../sourcing/FormField.tsx";

// Keys a Kommune-Bearbeiter can be bound to (domain RoleAssignment): Gemeinde or Kreis.
const KOMMUNE_KEY = /^05\d{3}(\d{3})?$/;
const MIN_SEARCH = 2;

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

function useKommuneSearch(term: string) {
  return useQuery({
    queryKey: ["organisations", { q: term, pageSize: 20 }],
    queryFn: async () =>
      unwrap(await api.GET("/api/organisations", { params: { query: { q: term, pageSize: 20 } } })),
    enabled: term.length >= MIN_SEARCH,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/**
 * Picks a Kommune (Gemeinde or Kreis) by name or key: a search field fills a select with the
 * matches. Two plain controls instead of a combobox, because they work the same with every
 * screen reader and keyboard.
 */
export function OrganisationPicker({
  id,
  label,
  value,
  valueName,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  valueName: string;
  error?: string;
  onChange: (key: string, name: string) => void;
}) {
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim(), 250);
  const results = useKommuneSearch(term);
  const matches =
    term.length >= MIN_SEARCH
      ? (results.data?.items ?? []).filter((organisation) => KOMMUNE_KEY.test(organisation.key))
      : [];
  const chosenListed = matches.some((organisation) => organisation.key === value);
  const status =
    term.length < MIN_SEARCH
      ? ""
      : results.isFetching
        ? "Suche läuft …"
        : results.isError
          ? "Die Suche ist fehlgeschlagen. Bitte versuchen Sie es erneut."
          : matches.length === 0
            ? `Keine Kommune gefunden für „${term}“.`
            : `${formatInteger(matches.length)} Treffer – bitte unten auswählen.`;

  return (
    <div className="atlas-organisation-picker">
      <FormField
        id={`${id}-search`}
        label={`${label} suchen`}
        hint="Name oder Schlüssel (AGS bzw. Kreisschlüssel), mindestens zwei Zeichen"
        optional
      >
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        )}
      </FormField>
      <p className="kern-body kern-body--small" role="status">
        {status}
      </p>
      <FormField id={id} label={label} error={error}>
        {(control) => (
          <div className="kern-form-input__select-wrapper">
            <select
              {...control}
              className={`kern-form-input__select${error ? " kern-form-input__select--error" : ""}`}
              value={value}
              onChange={(event) => {
                const key = event.target.value;
                const match = matches.find((organisation) => organisation.key === key);
                onChange(key, match?.name ?? "");
              }}
            >
              <option value="">{matches.length > 0 ? "bitte wählen" : "erst oben suchen"}</option>
              {value && !chosenListed ? (
                <option value={value}>{valueName ? `${valueName} (${value})` : value}</option>
              ) : null}
              {matches.map((organisation) => (
                <option key={organisation.key} value={organisation.key}>
                  {organisation.name} ({organisation.key}
                  {organisation.kind === "kreis" ? ", Kreis" : ""})
                </option>
              ))}
            </select>
          </div>
        )}
      </FormField>
    </div>
  );
}
