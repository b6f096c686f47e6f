import { useId, useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FormField } from "../sourcing/FormField.tsx";
import { messageFor, toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { RoleAssignmentsField } from "./RoleAssignmentsField.tsx";
import {
  emptyRoleDraft,
  roleFieldId,
  roleFieldLabel,
  toRoleAssignments,
  type RoleDraft,
} from "./roleDrafts.ts";
import { useInviteUser, type UserView } from "./userQueries.ts";

type Field = "email" | "displayName";

const FIELD_LABEL: Record<Field, string> = { email: "E-Mail-Adresse", displayName: "Name" };

function isField(field: string): field is Field {
  return field in FIELD_LABEL;
}

/** An invitation just sent: the account and its one-time link. */
export interface Invitation {
  user: UserView;
  invitationUrl: string;
}

/**
 * Invites a person with one or more roles. The server checks everything (address, scopes,
 * existing account) and its German messages appear at the fields.
 */
export function InviteUserForm({
  providers,
  onInvited,
}: {
  providers: readonly Schemas["ProviderSummary"][];
  onInvited: (invitation: Invitation) => void;
}) {
  const prefix = useId();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<RoleDraft[]>([emptyRoleDraft()]);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const invite = useInviteUser();
  const errors = problem?.errors ?? [];
  const errorOf = (field: Field) => messageFor(errors, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), displayName: displayName.trim(), roles: toRoleAssignments(roles) },
      {
        onSuccess: (invitation) => {
          setProblem(null);
          setEmail("");
          setDisplayName("");
          setRoles([emptyRoleDraft()]);
          onInvited(invitation);
        },
        onError: (error) => {
          const next = toFormProblem(error);
          // An existing account is about the address: show it there, not only above.
          setProblem(
            next.code === "user_exists"
              ? { ...next, errors: [{ field: "email", message: next.detail }], detail: "" }
              : next,
          );
        },
      },
    );
  }

  const text = (field: Field, type: "email" | "text", autoComplete: string, hint?: string) => (
    <FormField
      id={`${prefix}-${field}`}
      label={FIELD_LABEL[field]}
      hint={hint}
      error={errorOf(field)}
    >
      {(control) => (
        <input
          {...control}
          className={`kern-form-input__input${errorOf(field) ? " kern-form-input__input--error" : ""}`}
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          value={field === "email" ? email : displayName}
          onChange={(event) =>
            field === "email" ? setEmail(event.target.value) : setDisplayName(event.target.value)
          }
        />
      )}
    </FormField>
  );

  return (
    <form className="atlas-admin-form" noValidate onSubmit={submit} aria-label="Person einladen">
      {problem ? (
        <ErrorSummary
          title={problem.status === 409 ? "Nicht eingeladen" : problem.title}
          detail={problem.detail || undefined}
          errors={errors}
          fieldId={(field) => (isField(field) ? `${prefix}-${field}` : roleFieldId(prefix, field))}
          fieldLabel={(field) => (isField(field) ? FIELD_LABEL[field] : roleFieldLabel(field))}
        />
      ) : null}
      {text(
        "email",
        "email",
        "off",
        "An diese Adresse geht keine E-Mail: Sie geben den Einladungslink selbst weiter.",
      )}
      {text(
        "displayName",
        "text",
        "off",
        "Vor- und Nachname; die Person kann ihn beim Annehmen ändern.",
      )}
      <RoleAssignmentsField
        prefix={prefix}
        value={roles}
        providers={providers}
        errors={errors}
        onChange={setRoles}
      />
      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={invite.isPending}>
          <span className="kern-label">
            {invite.isPending ? "Einladung wird angelegt …" : "Person einladen"}
          </span>
        </button>
      </div>
    </form>
  );
}
