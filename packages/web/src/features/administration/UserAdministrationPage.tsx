import { useState } from "react";
import { useProviders } from "../../api/hooks.ts";
import { OneTimeSecret } from "../../ui/OneTimeSecret.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { EditRolesDialog } from "./EditRolesDialog.tsx";
import { InviteUserForm, type Invitation } from "./InviteUserForm.tsx";
import { PasswordResetLinkDialog } from "./PasswordResetLinkDialog.tsx";
import { useScopeNames } from "./scopeNames.ts";
import { UserStatusDialog } from "./UserStatusDialog.tsx";
import { UserTable } from "./UserTable.tsx";
import { useUsers, type UserView } from "./userQueries.ts";
import "./administration.css";
import { absoluteLink } from "./absoluteLink.ts";

type Open = { kind: "roles" | "status" | "reset"; user: UserView };

/**
 * Account administration (administrators): who has which role for which Kommune or provider,
 * invitations with a one-time link, role changes, deactivation and password reset links.
 * The server decides; others get its German 401/403 answer.
 */
export function UserAdministrationPage() {
  usePageTitle("Benutzerkonten");
  const users = useUsers();
  const providers = useProviders();
  const { user: me } = usePrincipal();
  const names = useScopeNames(
    (users.data?.items ?? []).flatMap((user) =>
      user.roles.flatMap((role) => (role.organisationKey ? [role.organisationKey] : [])),
    ),
  );
  const [open, setOpen] = useState<Open | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const providerList = providers.data?.items ?? [];

  return (
    <>
      <p className="kern-body kern-body--small atlas-breadcrumb">Verwaltung › Benutzerkonten</p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Benutzerkonten
      </h1>
      <p className="kern-body">
        Konten entstehen nur per Einladung. Rollen bestimmen, wer was sehen und ändern darf;
        Kommune- und Dienstleister-Bearbeiter sind an eine Kommune bzw. einen IT-Dienstleister
        gebunden. Jede Änderung steht im Prüfprotokoll.
      </p>

      <div role="status" className="atlas-announcement">
        {notice ? <p className="kern-body">{notice}</p> : null}
      </div>

      {invitation ? (
        <OneTimeSecret
          title={`${invitation.user.displayName} eingeladen`}
          label={`Einladungslink für ${invitation.user.email}`}
          value={absoluteLink(invitation.invitationUrl)}
          onDone={() => setInvitation(null)}
          doneLabel="Link gesichert – Hinweis schließen"
        >
          <p className="kern-body">
            Geben Sie den Link auf sicherem Weg an die Person weiter. Er gilt sieben Tage und nur
            einmal; mit ihm wählt die Person ihr Passwort.
          </p>
        </OneTimeSecret>
      ) : null}

      <section aria-labelledby="konten">
        <h2 id="konten" className="kern-heading-medium">
          Konten
        </h2>
        {users.isPending ? <LoadingState /> : null}
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : null}
        {users.data && users.data.items.length === 0 ? (
          <EmptyState>Es gibt noch keine Konten.</EmptyState>
        ) : null}
        {users.data && users.data.items.length > 0 ? (
          <UserTable
            users={users.data.items}
            names={names}
            currentUserId={me?.id}
            actions={{
              onEditRoles: (user) => setOpen({ kind: "roles", user }),
              onChangeStatus: (user) => setOpen({ kind: "status", user }),
              onResetPassword: (user) => setOpen({ kind: "reset", user }),
            }}
          />
        ) : null}
      </section>

      {users.data ? (
        <section aria-labelledby="einladen">
          <h2 id="einladen" className="kern-heading-medium">
            Person einladen
          </h2>
          {providers.isError ? (
            <ErrorState error={providers.error} title="IT-Dienstleister nicht geladen" />
          ) : null}
          <InviteUserForm
            providers={providerList}
            onInvited={(next) => {
              setNotice(null);
              setInvitation(next);
            }}
          />
        </section>
      ) : null}

      {open?.kind === "roles" ? (
        <EditRolesDialog
          user={open.user}
          providers={providerList}
          names={names}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(`Die Rollen von ${saved.displayName} wurden gespeichert.`);
          }}
        />
      ) : null}
      {open?.kind === "status" ? (
        <UserStatusDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(
              `Das Konto von ${saved.displayName} ist jetzt ${saved.status === "deactivated" ? "deaktiviert" : "aktiv"}.`,
            );
          }}
        />
      ) : null}
      {open?.kind === "reset" ? (
        <PasswordResetLinkDialog user={open.user} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
