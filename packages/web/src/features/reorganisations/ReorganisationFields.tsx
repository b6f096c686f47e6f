import type { Schemas } from "../../api/client.ts";
import { FormField } from "../sourcing/FormField.tsx";
import { RadioGroupField } from "../sourcing/RadioGroupField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import { messageFor } from "../sourcing/toFormProblem.ts";
import { targetModeOf, type ReorganisationFormValues } from "./reorganisationForm.ts";
import { SourceProviderField } from "./SourceProviderField.tsx";

type Provider = Schemas["ProviderSummary"];
type TextField =
  "newProviderId" | "newShortName" | "newName" | "organisationKey" | "effectiveDate" | "note";

/** Sources, target, Kommune and date of a reorganisation; ids are `${prefix}-<field>`. */
export function ReorganisationFields({
  prefix,
  values,
  providers,
  errors,
  onChange,
}: {
  prefix: string;
  values: ReorganisationFormValues;
  providers: readonly Provider[];
  errors: readonly FieldError[];
  onChange: (change: Partial<ReorganisationFormValues>) => void;
}) {
  const targetMode = targetModeOf(values);
  const text = (
    field: TextField,
    label: string,
    error: string | undefined,
    options: { hint?: string; type?: "text" | "date"; optional?: boolean } = {},
  ) => (
    <FormField
      id={`${prefix}-${field}`}
      label={label}
      hint={options.hint}
      error={error}
      optional={options.optional}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${error ? " kern-form-input__input--error" : ""}`}
          type={options.type ?? "text"}
          autoComplete="off"
          value={values[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </FormField>
  );
  const targetError = messageFor(errors, "target.providerId");
  return (
    <>
      <SourceProviderField
        id={`${prefix}-sources`}
        providers={providers}
        selected={values.sourceProviderIds}
        multiple={values.kind === "merger"}
        error={messageFor(errors, "sourceProviderIds")}
        onChange={(sourceProviderIds) => onChange({ sourceProviderIds })}
      />
      {values.kind === "member_move"
        ? text("organisationKey", "Kommune (AGS)", messageFor(errors, "organisationKey"), {
            hint: "Amtlicher Gemeindeschlüssel der wechselnden Gemeinde (8 Ziffern, z. B. 05766020) oder fünfstelliger Kreisschlüssel",
          })
        : null}
      {values.kind === "rename" ? (
        <p className="kern-body">
          Eine Umbenennung legt den Dienstleister mit neuer Kennung und neuem Namen an.
        </p>
      ) : (
        <RadioGroupField
          id={`${prefix}-targetMode`}
          name={`${prefix}-targetMode`}
          legend="Aufnehmender Dienstleister"
          value={targetMode}
          options={[
            { value: "existing", label: "ein bestehender aktiver Dienstleister" },
            { value: "new", label: "ein neuer Dienstleister" },
          ]}
          onChange={(mode) => onChange({ targetMode: mode })}
        />
      )}
      {targetMode === "existing" ? (
        <FormField id={`${prefix}-target`} label="Bestehender Dienstleister" error={targetError}>
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className={`kern-form-input__select${targetError ? " kern-form-input__select--error" : ""}`}
                value={values.targetProviderId}
                onChange={(event) => onChange({ targetProviderId: event.target.value })}
              >
                <option value="">bitte wählen</option>
                {providers.map((provider) => (
                  <option key={provider.id} value={provider.id}>
                    {provider.shortName}
                    {provider.shortName !== provider.name ? ` – ${provider.name}` : ""}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
      ) : (
        <>
          {text("newProviderId", "Kennung des neuen Dienstleisters", targetError, {
            hint: "Kleinbuchstaben, Ziffern und Bindestriche, z. B. muensterland-it; erscheint in Adressen",
          })}
          {text("newShortName", "Kurzname", messageFor(errors, "target.shortName"))}
          {text("newName", "Name", messageFor(errors, "target.name"), {
            hint: "Vollständiger Name mit Rechtsform",
          })}
        </>
      )}
      {text("effectiveDate", "Wirksam ab", messageFor(errors, "effectiveDate"), {
        type: "date",
        hint: "Ab diesem Tag gelten die Bezüge beim aufnehmenden Dienstleister.",
      })}
      {text("note", "Bemerkung", messageFor(errors, "note"), {
        optional: true,
        hint: "z. B. Beschluss der Verbandsversammlung (höchstens 500 Zeichen)",
      })}
    </>
  );
}
