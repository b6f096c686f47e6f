import { useId, useState, type FormEvent } from "react";
import { useDomains, useProviders } from "../../api/hooks.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { todayInGermany } from "../sourcing/todayInGermany.ts";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { usePublishOffer } from "./exchangeQueries.ts";
import { useOnlineServices } from "./ozgReadinessQueries.ts";

const LABEL: Record<string, string> = {
  domainId: "Leistungsbereich",
  onlineServiceId: "Onlinedienst",
  title: "Titel",
  priceModel: "Preismodell (in Worten)",
  fixedPrice: "Grundpreis je Jahr (€)",
  unitPrice: "Preis je Einheit (€)",
  capacity: "Kapazität (Einheiten je Jahr)",
  sla: "Service-Level (SLA)",
  audienceProviderIds: "Für Mitglieder von",
  validFrom: "Gültig ab",
};

const number = (text: string): number | null => {
  const value = Number(text.replace(/\./g, "").replace(",", "."));
  return text.trim() === "" || Number.isNaN(value) ? null : value;
};

/** Form for a provider to publish an offer to other providers' members. */
export function PublishOfferDialog({
  providerIds,
  onClose,
}: {
  providerIds: string[];
  onClose: () => void;
}) {
  const prefix = useId();
  const domains = useDomains();
  const providers = useProviders();
  const services = useOnlineServices();
  const publish = usePublishOffer();
  const [values, setValues] = useState({
    providerId: providerIds[0] ?? "",
    domainId: "onlinedienste",
    onlineServiceId: "",
    title: "",
    priceModel: "",
    fixedPrice: "",
    unitPrice: "",
    capacity: "",
    sla: "",
    audience: [] as string[],
    validFrom: todayInGermany(),
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const errorOf = (field: string) => messageFor(problem?.errors ?? [], field);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues({ ...values, [field]: value });

  const activeProviders = (providers.data?.items ?? []).filter(
    (provider) => provider.status === "active",
  );
  const choices =
    providerIds.length > 0 ? providerIds : activeProviders.map((provider) => provider.id);
  const providerId = values.providerId || choices[0] || "";

  function submit(event: FormEvent) {
    event.preventDefault();
    publish.mutate(
      {
        providerId,
        change: {
          domainId: values.domainId,
          onlineServiceId: values.onlineServiceId || null,
          title: values.title,
          priceModel: values.priceModel || null,
          fixedPrice: number(values.fixedPrice) ?? 0,
          unitPrice: number(values.unitPrice) ?? 0,
          capacity: number(values.capacity),
          sla: values.sla || null,
          audienceProviderIds: values.audience,
          validFrom: values.validFrom,
          description: null,
          validTo: null,
          status: "veroeffentlicht",
        },
      },
      { onSuccess: onClose, onError: (error) => setProblem(toFormProblem(error)) },
    );
  }

  const text = (
    field: "title" | "priceModel" | "fixedPrice" | "unitPrice" | "capacity" | "sla" | "validFrom",
    type = "text",
  ) => (
    <FormField id={`${prefix}-${field}`} label={LABEL[field] ?? field} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          className="kern-form-input__input"
          type={type}
          value={String(values[field])}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <ModalDialog title="Angebot veröffentlichen" onClose={onClose}>
      <form noValidate onSubmit={submit} aria-label="Angebot veröffentlichen">
        {problem ? (
          <ErrorSummary
            title={problem.title}
            detail={problem.detail || undefined}
            errors={problem.errors}
            fieldId={(field) => (field in LABEL ? `${prefix}-${field}` : undefined)}
            fieldLabel={(field) => LABEL[field]}
          />
        ) : null}
        {choices.length > 1 ? (
          <FormField id={`${prefix}-providerId`} label="Anbietender IT-Dienstleister">
            {(control) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  {...control}
                  className="kern-form-input__select"
                  value={providerId}
                  onChange={(event) => set("providerId")(event.target.value)}
                >
                  {choices.map((id) => (
                    <option key={id} value={id}>
                      {activeProviders.find((provider) => provider.id === id)?.shortName ?? id}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </FormField>
        ) : null}
        <FormField
          id={`${prefix}-domainId`}
          label={LABEL.domainId ?? ""}
          error={errorOf("domainId")}
        >
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={values.domainId}
                onChange={(event) => set("domainId")(event.target.value)}
              >
                {(domains.data?.items ?? [])
                  .filter((domain) => !domain.isGroup)
                  .map((domain) => (
                    <option key={domain.id} value={domain.id}>
                      {domain.name}
                    </option>
                  ))}
              </select>
            </div>
          )}
        </FormField>
        <FormField
          id={`${prefix}-onlineServiceId`}
          label={LABEL.onlineServiceId ?? ""}
          error={errorOf("onlineServiceId")}
          optional
        >
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={values.onlineServiceId}
                onChange={(event) => set("onlineServiceId")(event.target.value)}
              >
                <option value="">kein bestimmter Dienst</option>
                {(services.data?.items ?? []).map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        {text("title")}
        {text("priceModel")}
        {text("fixedPrice")}
        {text("unitPrice")}
        {text("capacity")}
        {text("sla")}
        <fieldset className="kern-fieldset">
          <legend className="kern-label">
            {LABEL.audienceProviderIds} (keine Auswahl: alle Kommunen)
          </legend>
          <div className="kern-fieldset__body atlas-columns-list">
            {activeProviders
              .filter((provider) => provider.id !== providerId && provider.kind === "kommunal")
              .map((provider) => (
                <div key={provider.id} className="kern-form-check">
                  <input
                    className="kern-form-check__checkbox"
                    type="checkbox"
                    id={`${prefix}-audience-${provider.id}`}
                    checked={values.audience.includes(provider.id)}
                    onChange={(event) =>
                      setValues({
                        ...values,
                        audience: event.target.checked
                          ? [...values.audience, provider.id]
                          : values.audience.filter((id) => id !== provider.id),
                      })
                    }
                  />
                  <label className="kern-label" htmlFor={`${prefix}-audience-${provider.id}`}>
                    {provider.shortName}
                  </label>
                </div>
              ))}
          </div>
        </fieldset>
        {text("validFrom", "date")}
        <div className="atlas-form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={publish.isPending}>
            <span className="kern-label">Veröffentlichen</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
