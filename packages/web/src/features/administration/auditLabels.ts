import type { AuditEntry } from "./auditQueries.ts";

/** How a change reached the atlas (AuditVia in the db package). */
export const VIA_LABEL: Record<AuditEntry["via"], string> = {
  ui: "Oberfläche",
  api: "API",
  import: "Import",
  cli: "Kommandozeile",
  system: "System",
};

/** Kinds of objects the server writes to the audit trail. */
export const ENTITY_TYPE_LABEL: Record<string, string> = {
  user: "Benutzerkonto",
  session: "Anmeldung",
  api_token: "API-Token",
  sourcing: "Bezug (IT-Landkarte)",
  reorganisation: "Fusion/Umbenennung",
};

const ACTION_LABEL: Record<string, string> = {
  login: "angemeldet",
  logout: "abgemeldet",
  create: "angelegt",
  invite: "eingeladen",
  accept_invitation: "Einladung angenommen",
  update: "geändert",
  issue_password_reset: "Link zum Zurücksetzen erzeugt",
  reset_password: "Passwort zurückgesetzt",
  revoke: "widerrufen",
  change: "neue Fassung",
  correct: "korrigiert",
  apply: "übernommen",
};

/** German name of an action; unknown actions (newer servers) are shown as sent. */
export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

/** German name of an object kind; unknown kinds are shown as sent. */
export function entityTypeLabel(entityType: string): string {
  return ENTITY_TYPE_LABEL[entityType] ?? entityType;
}
