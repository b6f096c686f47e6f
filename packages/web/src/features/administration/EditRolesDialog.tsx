import { useId, useState, type FormEvent } from "react";
import type { Schemas } from "../../api/client.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { RoleAssignmentsField } from "./RoleAssignmentsField.tsx";
import { roleFieldId, roleFieldLabel, toRoleAssignments, toRoleDrafts } from "./roleDrafts.ts";
import type { ScopeNames } from "./scopeNames.ts";
import { useUpdateUser, type UserView } from "./userQueries.ts";

/** Changes the roles of an account; the server refuses to leave no active administrator. */
export function EditRolesDialog({
  user,
  providers,
  names,
  onClose,
  onSaved,
}: {
  user: UserView;
  providers: readonly Schemas["ProviderSummary"][];
  names: ScopeNames;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}) {
  const prefix = useId();
  const [roles, setRoles] = useState(() => toRoleDrafts(user.roles, names.organisation));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const update = useUpdateUser(user.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { roles: toRoleAssignments(roles) },
      { onSuccess: onSaved, onError: (error) => setProblem(toFormProblem(error)) },
    );
  }

  return (
    <ModalDialog title={`Rollen von ${user.displayName}`} onClose={onClose}>
      <form className="atlas-admin-form" noValidate onSubmit={submit}>
        {problem ? (
          <ErrorSummary
            title={problem.status === 409 ? "Nicht gespeichert" : problem.title}
            detail={problem.detail || undefined}
            errors={problem.errors}
            fieldId={(field) => roleFieldId(prefix, field)}
            fieldLabel={roleFieldLabel}
          />
        ) : null}
        <p className="kern-body">
          {user.email}. Die neuen Rollen gelten ab der nächsten Anfrage der Person.
        </p>
        <RoleAssignmentsField
          prefix={prefix}
          value={roles}
          providers={providers}
          errors={problem?.errors ?? []}
          onChange={setRoles}
        />
        <div className="atlas-form-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={update.isPending}>
            <span className="kern-label">
              {update.isPending ? "Wird gespeichert …" : "Rollen speichern"}
            </span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
