import { z } from "zod";

/** Roles of IT-Atlas; Kommune- and Dienstleister-Bearbeiter are scoped to an organisation. */
export const Role = z.enum([
  "administrator",
  "kdn_analyst",
  "kommune_bearbeiter",
  "dienstleister_bearbeiter",
  "leser",
]);
export type Role = z.infer<typeof Role>;

/** German labels of roles. */
export const roleLabel: Record<Role, string> = {
  administrator: "Administrator",
  kdn_analyst: "KDN-Analyst",
  kommune_bearbeiter: "Kommune-Bearbeiter",
  dienstleister_bearbeiter: "Dienstleister-Bearbeiter",
  leser: "Leser",
};

/** One role a person holds, with its scope where the role needs one. */
export const RoleAssignment = z
  .object({
    role: Role,
    /** Kommune (AGS or Kreisschlüssel) of a Kommune-Bearbeiter. */
    organisationKey: z
      .string()
      .regex(/^05\d{3}(\d{3})?$/, "muss eine AGS oder ein Kreisschlüssel sein")
      .nullable()
      .default(null),
    /** IT-Dienstleister of a Dienstleister-Bearbeiter. */
    providerId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "ist keine gültige Dienstleister-Kennung")
      .nullable()
      .default(null),
  })
  .superRefine((assignment, context) => {
    if (assignment.role === "kommune_bearbeiter" && !assignment.organisationKey) {
      context.addIssue({
        code: "custom",
        path: ["organisationKey"],
        message: "Ein Kommune-Bearbeiter braucht eine Kommune.",
      });
    }
    if (assignment.role === "dienstleister_bearbeiter" && !assignment.providerId) {
      context.addIssue({
        code: "custom",
        path: ["providerId"],
        message: "Ein Dienstleister-Bearbeiter braucht einen IT-Dienstleister.",
      });
    }
    if (assignment.role !== "kommune_bearbeiter" && assignment.organisationKey) {
      context.addIssue({
        code: "custom",
        path: ["organisationKey"],
        message: "Nur Kommune-Bearbeiter sind an eine Kommune gebunden.",
      });
    }
    if (assignment.role !== "dienstleister_bearbeiter" && assignment.providerId) {
      context.addIssue({
        code: "custom",
        path: ["providerId"],
        message: "Nur Dienstleister-Bearbeiter sind an einen Dienstleister gebunden.",
      });
    }
  })
  .meta({ id: "RoleAssignment" });
export type RoleAssignment = z.infer<typeof RoleAssignment>;
