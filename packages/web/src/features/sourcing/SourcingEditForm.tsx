import { operatingModelLabel, productLifecycleLabel } from "@it-atlas/domain";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FormField } from "./FormField.tsx";
import { volumeUnitName } from "./formatVolume.ts";
import { RadioGroupField } from "./RadioGroupField.tsx";
import {
  MODELS_WITH_PROVIDER,
  toSourcingChange,
  toSourcingFormValues,
  type FieldError,
  type SourcingFormValues,
} from "./sourcingFormValues.ts";
import { useActiveProviders, useDomainProducts, useSaveSourcing } from "./sourcingQueries.ts";
import { CHECK_INPUT, messageFor, toFormProblem, type FormProblem } from "./toFormProblem.ts";
import { todayInGermany } from "./todayInGermany.ts";
import "./sourcing.css";

type Sourcing = Schemas["Sourcing"];
type Field = keyof SourcingFormValues;

const FIELD_LABEL: Record<Field, string> = {
  operatingModel: "Betriebsmodell",
  providerId: "IT-Dienstleister",
  partnerAgs: "Partnerkommune (AGS)",
  productId: "Produkt",
  runningCost: "Laufende Kosten in € pro Jahr",
  investmentCost: "Investitionskosten in € pro Jahr",
  volume: "Menge",
  contractEnd: "Vertragsende",
  satisfaction: "Zufriedenheit",
  validFrom: "Gültig ab",
  note: "Bemerkung",
};

const SATISFACTION = [
  { value: "", label: "keine Angabe" },
  ...["1", "2", "3", "4", "5"].map((value) => ({ value, label: value })),
];

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

/**
 * Form to record how a Kommune obtains one Leistungsbereich from a date on. German numbers
 * are read in the browser; everything else is checked by the server, whose German messages
 * appear next to the fields and in a summary at the top.
 */
export function SourcingEditForm({
  ags,
  domain,
  current,
  onSaved,
  onCancel,
}: {
  ags: string;
  domain: { id: string; name: string; volumeUnit: string | null };
  current: Sourcing | null;
  onSaved: (saved: Sourcing) => void;
  onCancel: () => void;
}) {
  const prefix = useId();
  const idOf = (field: string) => (isField(field) ? `${prefix}-${field}` : undefined);
  const [values, setValues] = useState(() => toSourcingFormValues(current, todayInGermany()));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const providers = useActiveProviders();
  const products = useDomainProducts(domain.id);
  const save = useSaveSourcing(ags, domain.id);

  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });
  const errors: readonly FieldError[] = problem?.errors ?? [];
  const errorOf = (field: Field) => messageFor(errors, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = toSourcingChange(values);
    if (result.kind === "invalid") {
      setProblem({
        status: null,
        code: null,
        title: CHECK_INPUT,
        detail: "",
        errors: result.errors,
      });
      return;
    }
    save.mutate(result.change, {
      onSuccess: (saved) => onSaved(saved),
      onError: (error) => setProblem(toFormProblem(error)),
    });
  }

  const text = (
    field: Field,
    options: { hint?: string; type?: "text" | "date"; decimal?: boolean; optional?: boolean } = {},
  ) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      hint={options.hint}
      error={errorOf(field)}
      optional={options.optional}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${errorOf(field) ? " kern-form-input__input--error" : ""}`}
          type={options.type ?? "text"}
          inputMode={options.decimal ? "decimal" : undefined}
          autoComplete="off"
          value={values[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </FormField>
  );

  const select = (field: Field, children: ReactNode, optional = false) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      error={errorOf(field)}
      optional={optional}
    >
      {(control) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...control}
            className={`kern-form-input__select${errorOf(field) ? " kern-form-input__select--error" : ""}`}
            value={values[field]}
            onChange={(event) => set(field)(event.target.value)}
          >
            {children}
          </select>
        </div>
      )}
    </FormField>
  );

  const unit = volumeUnitName(domain.volumeUnit);
  return (
    <form
      className="atlas-sourcing-form"
      noValidate
      onSubmit={submit}
      aria-label={`Bezug ${domain.name} bearbeiten`}
    >
      {problem ? (
        <ErrorSummary
          title={
            problem.status === 409 ? "Nicht gespeichert: Konflikt mit dem Verlauf" : problem.title
          }
          detail={problem.detail || undefined}
          errors={errors}
          fieldId={idOf}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : undefined)}
        />
      ) : null}
      {current?.confidentialHidden ? (
        <div className="kern-alert kern-alert--warning">
          <div className="kern-alert__body">
            <p className="kern-body">
              Kosten, Menge, Vertragsende und Zufriedenheit des bisherigen Stands sind für Sie nicht
              sichtbar und deshalb nicht vorausgefüllt. Was Sie hier eintragen (oder leer lassen),
              gilt ab „Gültig ab“.
            </p>
          </div>
        </div>
      ) : null}
      {select(
        "operatingModel",
        Object.entries(operatingModelLabel).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        )),
      )}
      {MODELS_WITH_PROVIDER.includes(values.operatingModel)
        ? select(
            "providerId",
            <>
              <option value="">{providers.isPending ? "wird geladen …" : "bitte wählen"}</option>
              {(providers.data ?? []).map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.shortName}
                  {provider.shortName !== provider.name ? ` – ${provider.name}` : ""}
                </option>
              ))}
            </>,
          )
        : null}
      {values.operatingModel === "andere_kommune"
        ? text("partnerAgs", {
            hint: "Amtlicher Gemeindeschlüssel der Kommune, die die Leistung erbringt (8 Ziffern, z. B. 05766008), oder fünfstelliger Kreisschlüssel",
          })
        : null}
      {select(
        "productId",
        <>
          <option value="">
            {products.isPending ? "wird geladen …" : "kein Produkt angegeben"}
          </option>
          {(products.data?.items ?? []).map((product) => (
            <option key={product.id} value={product.id}>
              {product.name} ({product.vendor})
              {product.lifecycle !== "aktiv"
                ? ` – ${productLifecycleLabel[product.lifecycle]}`
                : ""}
            </option>
          ))}
        </>,
        true,
      )}
      {text("runningCost", { hint: "z. B. 12.500,00", decimal: true, optional: true })}
      {text("investmentCost", { hint: "z. B. 1.800", decimal: true, optional: true })}
      {text("volume", { hint: unit ? `Anzahl ${unit}` : undefined, decimal: true, optional: true })}
      {text("contractEnd", { type: "date", optional: true })}
      <RadioGroupField
        id={`${prefix}-satisfaction`}
        name={`${prefix}-satisfaction`}
        legend={FIELD_LABEL.satisfaction}
        hint="1 = sehr unzufrieden, 5 = sehr zufrieden"
        error={errorOf("satisfaction")}
        value={values.satisfaction}
        options={SATISFACTION}
        onChange={set("satisfaction")}
        horizontal
      />
      {text("validFrom", {
        type: "date",
        hint: "Ab diesem Tag gilt der neue Stand; der bisherige endet am Vortag.",
      })}
      <FormField
        id={`${prefix}-note`}
        label={FIELD_LABEL.note}
        error={errorOf("note")}
        optional
        hint="Wird als Beleg gespeichert (höchstens 500 Zeichen)."
      >
        {(control) => (
          <textarea
            {...control}
            className="kern-form-input__input"
            rows={3}
            maxLength={500}
            value={values.note}
            onChange={(event) => set("note")(event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{save.isPending ? "Wird gespeichert …" : "Speichern"}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">Abbrechen</span>
        </button>
      </div>
    </form>
  );
}
