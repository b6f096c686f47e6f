import { peerClassLabel, readinessStatusLabel, ReadinessStatus } from "@it-atlas/domain";
import { useRegions } from "../../api/hooks.ts";
import type { Schemas } from "../../api/client.ts";
import { SelectField } from "../../ui/Field.tsx";

/** The board's filters as URL parameters (German names, shareable). */
export interface BoardParams {
  dienst?: string | undefined;
  rb?: string | undefined;
  kreis?: string | undefined;
  groesse?: string | undefined;
  status?: string | undefined;
  ebene?: string | undefined;
}

/** Filter form of the readiness board: service, region, size class, status, map level. */
export function ReadinessFilters({
  params,
  services,
  onChange,
}: {
  params: BoardParams;
  services: Array<Schemas["OnlineService"]>;
  onChange: (changes: BoardParams) => void;
}) {
  const regions = useRegions();
  const kreise = (regions.data?.kreise ?? []).filter(
    (kreis) => !params.rb || kreis.regierungsbezirk?.key === params.rb,
  );
  const components = services.filter((service) => service.kind === "basiskomponente");
  const onlineServices = services.filter((service) => service.kind === "onlinedienst");
  return (
    <form
      className="atlas-filters"
      aria-label="Auswahl des Umsetzungsstands"
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        label="Dienst"
        allLabel="alle OZG-Leistungen (Abdeckung)"
        value={params.dienst ?? ""}
        onChange={(value) =>
          onChange({ dienst: value || undefined, status: value ? params.status : undefined })
        }
      >
        <optgroup label="Basiskomponenten (Checkliste)">
          {components.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Onlinedienste">
          {onlineServices.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
              {service.efa ? " (EfA)" : ""}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField
        label="Regierungsbezirk"
        allLabel="ganz NRW"
        value={params.rb ?? ""}
        onChange={(value) => onChange({ rb: value || undefined, kreis: undefined })}
      >
        {(regions.data?.regierungsbezirke ?? []).map((region) => (
          <option key={region.key} value={region.key}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kreis"
        allLabel="alle Kreise"
        value={params.kreis ?? ""}
        onChange={(value) => onChange({ kreis: value || undefined })}
      >
        {kreise.map((kreis) => (
          <option key={kreis.key} value={kreis.key}>
            {kreis.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Größenklasse"
        allLabel="alle"
        value={params.groesse ?? ""}
        onChange={(value) => onChange({ groesse: value || undefined })}
      >
        {Object.entries(peerClassLabel).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      {params.dienst ? (
        <SelectField
          label="Stand beim Dienst"
          allLabel="alle"
          value={params.status ?? ""}
          onChange={(value) => onChange({ status: value || undefined })}
        >
          <option value="nicht_angebunden">
            noch nicht angebunden (fehlt, geplant, in Anbindung)
          </option>
          {ReadinessStatus.options.map((status) => (
            <option key={status} value={status}>
              {readinessStatusLabel[status]}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        label="Kartenebene"
        allLabel="Gemeinden"
        value={params.ebene === "kreis" ? "kreis" : ""}
        onChange={(value) => onChange({ ebene: value || undefined })}
      >
        <option value="kreis">Kreise und kreisfreie Städte</option>
      </SelectField>
    </form>
  );
}
