import { z } from "zod";

const FacilityId = z.union([z.number(), z.string()], {
  error: "Die Kennung muss eine Zahl oder ein Text sein.",
});

/** German messages need the verb to agree: "Die Fixkosten müssen", "Die Kapazität muss". */
const finiteNonNegative = (subject: string, plural = false) => {
  const must = plural ? "müssen" : "muss";
  const may = plural ? "dürfen" : "darf";
  return z
    .number({ error: `${subject} ${must} eine Zahl sein.` })
    .finite(`${subject} ${must} endlich sein.`)
    .nonnegative(`${subject} ${may} nicht negativ sein.`);
};

/** A candidate site: opening it costs `fixedCost`; `capacity` null means uncapacitated. */
export const FacilityInput = z.object({
  id: FacilityId,
  fixedCost: finiteNonNegative("Die Fixkosten", true),
  capacity: finiteNonNegative("Die Kapazität").nullable().optional(),
});
export type FacilityInput = z.infer<typeof FacilityInput>;

/** A customer: `costs[i]` is the cost of serving all of its demand from `facilities[i]`. */
export const CustomerInput = z.object({
  id: FacilityId,
  demand: finiteNonNegative("Die Nachfrage"),
  costs: z.array(finiteNonNegative("Jeder Kostenwert"), {
    error: "„costs“ muss eine Liste von Zahlen sein.",
  }),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

/** Input of `atlas solve-flp`: a facility-location instance in the OR-Library spirit. */
export const FacilityLocationInput = z
  .object({
    name: z.string({ error: "„name“ muss ein Text sein." }).default(""),
    facilities: z
      .array(FacilityInput, { error: "„facilities“ muss eine Liste sein." })
      .min(1, "Es wird mindestens ein Standort (facilities) benötigt."),
    customers: z
      .array(CustomerInput, { error: "„customers“ muss eine Liste sein." })
      .min(1, "Es wird mindestens ein Kunde (customers) benötigt."),
  })
  .superRefine((input, context) => {
    input.customers.forEach((customer, index) => {
      if (customer.costs.length !== input.facilities.length) {
        context.addIssue({
          code: "custom",
          path: ["customers", index, "costs"],
          message: `Kunde ${String(customer.id)} hat ${customer.costs.length} Kostenwerte, erwartet werden ${input.facilities.length} (einer je Standort).`,
        });
      }
    });
  });
export type FacilityLocationInput = z.infer<typeof FacilityLocationInput>;

/** Identifier of a facility or customer as given in the input. */
export type FacilityId = z.infer<typeof FacilityId>;

/**
 * Outcome of a facility-location solve. `gap` = (objective − bound) / objective; "optimal" means
 * the gap is within the requested tolerance. Expected outcomes are values, not exceptions.
 */
export type SolveResult =
  | {
      status: "optimal" | "feasible";
      objective: number;
      /** Proven lower bound on the optimum of the full problem. */
      bound: number;
      gap: number;
      seconds: number;
      /** Ids of the facilities that serve at least one customer. */
      open: FacilityId[];
      /** For each customer (input order) the id of the facility serving it. */
      assignment: FacilityId[];
    }
  | { status: "infeasible"; conflicts: string[]; seconds: number }
  | { status: "error"; message: string; seconds: number };
