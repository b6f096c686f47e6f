import {
  BaseComponent,
  baseComponentLabel,
  LeadLand,
  onlineServiceKindLabel,
  OnlineServiceKind,
  ozgMaturityLabel,
} from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { useProviders } from "../../api/hooks.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import {
  CHECK_INPUT,
  messageFor,
  toFormProblem,
  type FormProblem,
} from "../sourcing/toFormProblem.ts";
import { useSaveOnlineService } from "./ozgReadinessQueries.ts";

type Input = Schemas["OnlineServiceChangeInput"];

const FIELD_LABELS: Record<string, string> = {
  id: "Kennung",
  name: "Name",
  description: "Beschreibung",
  kind: "Art",
  component: "Basiskomponente der Checkliste",
  operatorProviderId: "Betreiber (IT-Dienstleister)",
  operatorName: "Betreiber (andere Stelle)",
  leadLand: "Federführendes Land",
  portal: "Portal",
  maturity: "OZG-Reifegrad",
  ozgIds: "OZG-Leistungen",
};

/** "1234, 56 7" → [1234, 56, 7]; anything else than numbers gives the invalid parts. */
export function parseOzgIds(text: string): { ids: number[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const invalid = parts.filter((part) => !/^\d{1,9}$/.test(part) || Number(part) === 0);
  const ids = [...new Set(parts.filter((part) => !invalid.includes(part)).map(Number))];
  return { ids, invalid };
}

const LAND_NAMES: Record<LeadLand, string> = {
  BW: "Baden-Württemberg",
  BY: "Bayern",
  BE: "Berlin",
  BB: "Brandenburg",
  HB: "Bremen",
  HH: "Hamburg",
  HE: "Hessen",
  MV: "Mecklenburg-Vorpommern",
  NI: "Niedersachsen",
  NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz",
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
  SH: "Schleswig-Holstein",
  TH: "Thüringen",
  BUND: "Bund",
};

/**
 * Dialog for administrators to create an online service or base component, or to change one:
 * operator, EfA flag, lead Land, portal, maturity, the OZG-Leistungen it covers and the base
 * components it needs. The server checks everything again and answers field by field.
 */
export function OnlineServiceDialog({
  service,
  onClose,
}: {
  /** The service to change; null creates a new one. */
  service: Schemas["OnlineService"] | null;
  onClose: () => void;
}) {
  const prefix = useId();
  const providers = useProviders();
  const save = useSaveOnlineService();
  const [id, setId] = useState(service?.id ?? "");
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [kind, setKind] = useState<OnlineServiceKind>(service?.kind ?? "onlinedienst");
  const [component, setComponent] = useState<BaseComponent | "">(service?.component ?? "");
  const [operatorProviderId, setOperatorProviderId] = useState(service?.operatorProviderId ?? "");
  const [operatorName, setOperatorName] = useState(
    service && !service.operatorProviderId ? service.operatorName : "",
  );
  const [efa, setEfa] = useState(service?.efa ?? false);
  const [leadLand, setLeadLand] = useState<LeadLand | "">(service?.leadLand ?? "");
  const [portal, setPortal] = useState(service?.portal ?? "");
  const [maturity, setMaturity] = useState(service?.maturity ?? 3);
  const [dependencies, setDependencies] = useState<BaseComponent[]>(service?.dependencies ?? []);
  const [ozgText, setOzgText] = useState(
    (service?.ozgLeistungen ?? []).map((leistung) => leistung.id).join(", "),
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const fieldId = (field: string) => `${prefix}-${field}`;
  const error = (field: string) => messageFor(problem?.errors ?? [], field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FormProblem["errors"] = [];
    if (!service && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
      errors.push({
        field: "id",
        message: "Bitte eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen angeben.",
      });
    }
    const ozg = parseOzgIds(ozgText);
    if (ozg.invalid.length > 0) {
      errors.push({
        field: "ozgIds",
        message: `Keine OZG-ID: ${ozg.invalid.join(", ")}. Bitte nur Zahlen, durch Komma getrennt.`,
      });
    }
    if (errors.length > 0) {
      setProblem({ status: null, code: null, title: CHECK_INPUT, detail: "", errors });
      return;
    }
    const input: Input = {
      name,
      description: description.trim() || null,
      kind,
      component: kind === "basiskomponente" && component ? component : null,
      operatorProviderId: operatorProviderId || null,
      operatorName: operatorProviderId ? null : operatorName.trim() || null,
      efa,
      leadLand: leadLand || null,
      portal: portal.trim() || null,
      maturity,
      dependencies,
      ozgIds: ozg.ids,
    };
    save.mutate(
      { id: service?.id ?? id, input },
      { onSuccess: onClose, onError: (failure) => setProblem(toFormProblem(failure)) },
    );
  }

  const title = service ? `„${service.name}“ bearbeiten` : "Onlinedienst anlegen";
  return (
    <ModalDialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label={title}>
        {problem ? (
          <ErrorSummary
            title={problem.title}
            detail={problem.detail || undefined}
            errors={problem.errors}
            fieldId={(field) => (field in FIELD_LABELS ? fieldId(field) : undefined)}
            fieldLabel={(field) => FIELD_LABELS[field]}
          />
        ) : null}
        {service ? null : (
          <FormField
            id={fieldId("id")}
            label="Kennung"
            hint="Dauerhafte Kennung in der Schnittstelle, z. B. wohngeld-nrw"
            error={error("id")}
          >
            {(control) => (
              <input
                {...control}
                className="kern-form-input__input"
                value={id}
                onChange={(event) => setId(event.target.value.trim().toLowerCase())}
              />
            )}
          </FormField>
        )}
        <FormField id={fieldId("name")} label="Name" error={error("name")}>
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          id={fieldId("description")}
          label="Beschreibung"
          optional
          error={error("description")}
        >
          {(control) => (
            <textarea
              {...control}
              className="kern-form-input__input"
              rows={2}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={fieldId("kind")} label="Art" error={error("kind")}>
          {(control) => (
            <select
              {...control}
              className="kern-form-input__select"
              value={kind}
              onChange={(event) => setKind(event.target.value as OnlineServiceKind)}
            >
              {OnlineServiceKind.options.map((option) => (
                <option key={option} value={option}>
                  {onlineServiceKindLabel[option]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {kind === "basiskomponente" ? (
          <FormField
            id={fieldId("component")}
            label="Basiskomponente der Checkliste"
            error={error("component")}
          >
            {(control) => (
              <select
                {...control}
                className="kern-form-input__select"
                value={component}
                onChange={(event) => setComponent(event.target.value as BaseComponent | "")}
              >
                <option value="">– bitte wählen –</option>
                {BaseComponent.options.map((option) => (
                  <option key={option} value={option}>
                    {baseComponentLabel[option]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField
          id={fieldId("operatorProviderId")}
          label="Betreiber (IT-Dienstleister)"
          hint="Leer lassen, wenn eine andere Stelle betreibt (z. B. ein Land)"
          optional
          error={error("operatorProviderId")}
        >
          {(control) => (
            <select
              {...control}
              className="kern-form-input__select"
              value={operatorProviderId}
              onChange={(event) => setOperatorProviderId(event.target.value)}
            >
              <option value="">– keiner aus IT-Atlas –</option>
              {(providers.data?.items ?? []).map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.shortName}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {operatorProviderId ? null : (
          <FormField
            id={fieldId("operatorName")}
            label="Betreiber (andere Stelle)"
            error={error("operatorName")}
          >
            {(control) => (
              <input
                {...control}
                className="kern-form-input__input"
                value={operatorName}
                onChange={(event) => setOperatorName(event.target.value)}
              />
            )}
          </FormField>
        )}
        <div className="kern-form-check">
          <input
            className="kern-form-check__checkbox"
            type="checkbox"
            id={fieldId("efa")}
            checked={efa}
            onChange={(event) => setEfa(event.target.checked)}
          />
          <label className="kern-label" htmlFor={fieldId("efa")}>
            EfA-Dienst („Einer für Alle“)
          </label>
        </div>
        <FormField
          id={fieldId("leadLand")}
          label="Federführendes Land"
          optional
          error={error("leadLand")}
        >
          {(control) => (
            <select
              {...control}
              className="kern-form-input__select"
              value={leadLand}
              onChange={(event) => setLeadLand(event.target.value as LeadLand | "")}
            >
              <option value="">– keines –</option>
              {LeadLand.options.map((option) => (
                <option key={option} value={option}>
                  {LAND_NAMES[option]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={fieldId("portal")} label="Portal" optional error={error("portal")}>
          {(control) => (
            <input
              {...control}
              className="kern-form-input__input"
              value={portal}
              onChange={(event) => setPortal(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={fieldId("maturity")} label="OZG-Reifegrad" error={error("maturity")}>
          {(control) => (
            <select
              {...control}
              className="kern-form-input__select"
              value={maturity}
              onChange={(event) => setMaturity(Number(event.target.value))}
            >
              {[0, 1, 2, 3, 4].map((level) => (
                <option key={level} value={level}>
                  {ozgMaturityLabel[level]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">Benötigte Basiskomponenten</legend>
          <div className="kern-fieldset__body">
            {BaseComponent.options.map((option) => (
              <div key={option} className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  type="checkbox"
                  id={fieldId(`dependency-${option}`)}
                  checked={dependencies.includes(option)}
                  onChange={(event) =>
                    setDependencies(
                      event.target.checked
                        ? [...dependencies, option]
                        : dependencies.filter((item) => item !== option),
                    )
                  }
                />
                <label className="kern-label" htmlFor={fieldId(`dependency-${option}`)}>
                  {baseComponentLabel[option]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField
          id={fieldId("ozgIds")}
          label="OZG-Leistungen"
          hint="OZG-IDs aus dem OZG-Katalog, durch Komma getrennt, z. B. 10221, 10306"
          optional
          error={error("ozgIds")}
        >
          {(control) => (
            <textarea
              {...control}
              className="kern-form-input__input"
              rows={2}
              value={ozgText}
              onChange={(event) => setOzgText(event.target.value)}
            />
          )}
        </FormField>
        <div className="atlas-form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">Speichern</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
