import { z } from "zod";

/** Roles in a Kommune's Expertenverzeichnis (the experts of the change process). */
export const ExpertRole = z.enum([
  "fachexpertin",
  "organisationsexpertin",
  "digitalisierungsexpertin",
  "it_leitung",
]);
export type ExpertRole = z.infer<typeof ExpertRole>;

/** German labels of expert roles. */
export const expertRoleLabel: Record<ExpertRole, string> = {
  fachexpertin: "Fachexpert*in",
  organisationsexpertin: "Organisationsexpert*in",
  digitalisierungsexpertin: "Digitalisierungsexpert*in",
  it_leitung: "IT-Leitung",
};

/**
 * Why the directory holds personal data (Art. 13 DSGVO: purpose stated where data is collected).
 * Shown with the form and the list.
 */
export const EXPERT_DIRECTORY_PURPOSE =
  "Zweck: Ansprechpersonen der Kommune für die Konsolidierung (Maßnahmen, Bedarfserhebung, Abstimmung mit IT-Dienstleistern). Gespeichert werden nur Name, Funktion, dienstliche E-Mail und auf Wunsch eine Telefonnummer; ein Eintrag kann jederzeit gelöscht werden und ist dann vollständig entfernt.";

/** What an editor enters for an expert: minimal personal data. */
export const ExpertInput = z
  .object({
    role: ExpertRole,
    /** Leistungsbereich of a Fachexpert*in; null for the other roles. */
    domainId: z.string().min(1).nullable().default(null),
    name: z.string().trim().min(2, "muss mindestens 2 Zeichen lang sein").max(120),
    function: z.string().trim().min(2, "muss mindestens 2 Zeichen lang sein").max(120),
    email: z.email("ist keine gültige E-Mail-Adresse").max(254),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+0-9 ()/-]*$/, "darf nur Ziffern, Leerzeichen und + ( ) / - enthalten")
      .nullable()
      .default(null),
  })
  .superRefine((input, context) => {
    if (input.role === "fachexpertin" && !input.domainId) {
      context.addIssue({
        code: "custom",
        path: ["domainId"],
        message: "Für Fachexpert*innen ist der Leistungsbereich anzugeben.",
      });
    }
    if (input.role !== "fachexpertin" && input.domainId) {
      context.addIssue({
        code: "custom",
        path: ["domainId"],
        message: "Nur Fachexpert*innen werden einem Leistungsbereich zugeordnet.",
      });
    }
  })
  .meta({ id: "ExpertChange" });
export type ExpertInput = z.infer<typeof ExpertInput>;

/** An entry of the Expertenverzeichnis. */
export const Expert = z
  .object({
    id: z.number().int(),
    organisationKey: z.string(),
    role: ExpertRole,
    domainId: z.string().nullable(),
    domainName: z.string().nullable(),
    name: z.string(),
    function: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Expert" });
export type Expert = z.infer<typeof Expert>;
