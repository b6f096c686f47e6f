import { Role, roleLabel } from "@it-atlas/domain";
import type { Schemas } from "../../api/client.ts";
import { FieldErrorMessage, FormField } from "../sourcing/FormField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import { messageFor } from "../sourcing/toFormProblem.ts";
import { OrganisationPicker } from "./OrganisationPicker.tsx";
import { emptyRoleDraft, type RoleDraft } from "./roleDrafts.ts";

type Provider = Schemas["ProviderSummary"];

// What each role allows, so administrators choose knowingly (domain/auth/permissions.ts).
const ROLE_HINT: Record<Role, string> = {
  administrator: "alles, auch Konten verwalten und das Prüfprotokoll lesen",
  kdn_analyst: "alle Kosten sehen, Szenarien rechnen, Fusionen in der Vorschau prüfen",
  kommune_bearbeiter: "den Bezug einer Kommune pflegen und ihre Kosten sehen",
  dienstleister_bearbeiter: "die Angebote eines IT-Dienstleisters pflegen",
  leser: "die Landkarte ohne vertrauliche Kosten lesen",
};

/**
 * The roles of an account, one fieldset per role: the role, and for Kommune-Bearbeiter the
 * Kommune, for Dienstleister-Bearbeiter the provider. Server messages ("roles.1.providerId")
 * appear at the matching control.
 */
export function RoleAssignmentsField({
  prefix,
  value,
  providers,
  errors,
  onChange,
}: {
  prefix: string;
  value: readonly RoleDraft[];
  providers: readonly Provider[];
  errors: readonly FieldError[];
  onChange: (next: RoleDraft[]) => void;
}) {
  const update = (index: number, change: Partial<RoleDraft>) =>
    onChange(value.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
  const listError = messageFor(errors, "roles");
  return (
    <fieldset
      className={`kern-fieldset atlas-roles${listError ? " kern-fieldset--error" : ""}`}
      aria-describedby={listError ? `${prefix}-roles-error` : undefined}
    >
      <legend className="kern-label">Rollen</legend>
      {listError ? <FieldErrorMessage id={`${prefix}-roles-error`} message={listError} /> : null}
      {/* The summary link for "roles" lands here. */}
      <span id={`${prefix}-roles`} tabIndex={-1} />
      {value.map((draft, index) => {
        const base = `${prefix}-roles-${index}`;
        const error = (field: string) =>
          messageFor(errors, `roles.${index}.${field}`) ??
          (field === "role" ? messageFor(errors, `roles.${index}`) : undefined);
        return (
          <fieldset key={index} className="kern-fieldset atlas-role">
            <legend className="kern-label">Rolle {index + 1}</legend>
            <FormField
              id={`${base}-role`}
              label="Rolle"
              hint={ROLE_HINT[draft.role]}
              error={error("role")}
            >
              {(control) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className="kern-form-input__select"
                    value={draft.role}
                    onChange={(event) => update(index, { role: event.target.value as Role })}
                  >
                    {Role.options.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel[role]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </FormField>
            {draft.role === "kommune_bearbeiter" ? (
              <OrganisationPicker
                id={`${base}-organisationKey`}
                label="Kommune"
                value={draft.organisationKey}
                valueName={draft.organisationName}
                error={error("organisationKey")}
                onChange={(organisationKey, organisationName) =>
                  update(index, { organisationKey, organisationName })
                }
              />
            ) : null}
            {draft.role === "dienstleister_bearbeiter" ? (
              <FormField
                id={`${base}-providerId`}
                label="IT-Dienstleister"
                error={error("providerId")}
              >
                {(control) => (
                  <div className="kern-form-input__select-wrapper">
                    <select
                      {...control}
                      className={`kern-form-input__select${error("providerId") ? " kern-form-input__select--error" : ""}`}
                      value={draft.providerId}
                      onChange={(event) => update(index, { providerId: event.target.value })}
                    >
                      <option value="">bitte wählen</option>
                      {providers.map((provider) => (
                        <option key={provider.id} value={provider.id}>
                          {provider.shortName}
                          {provider.shortName !== provider.name ? ` – ${provider.name}` : ""}
                          {provider.status === "active" ? "" : " (nicht mehr aktiv)"}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </FormField>
            ) : null}
            {value.length > 1 ? (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary atlas-compact-btn"
                onClick={() => onChange(value.filter((_, at) => at !== index))}
              >
                <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                <span className="kern-label">Rolle {index + 1} entfernen</span>
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="kern-btn kern-btn--secondary atlas-compact-btn"
        onClick={() => onChange([...value, emptyRoleDraft()])}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">Weitere Rolle hinzufügen</span>
      </button>
    </fieldset>
  );
}
