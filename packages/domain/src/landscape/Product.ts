import { z } from "zod";
import { Provenance } from "../provenance/Provenance.ts";
import { ServiceDomainId } from "./ServiceDomain.ts";

/** Public id of a product (Fachverfahren or platform). */
export const ProductId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Ungültige Produktkennung");
export type ProductId = z.infer<typeof ProductId>;

/** Where a product is in its life. */
export const ProductLifecycle = z.enum(["aktiv", "auslaufend", "abgekuendigt", "geplant"]);
export type ProductLifecycle = z.infer<typeof ProductLifecycle>;

/** German labels of lifecycle states. */
export const productLifecycleLabel: Record<ProductLifecycle, string> = {
  aktiv: "aktiv",
  auslaufend: "auslaufend",
  abgekuendigt: "abgekündigt",
  geplant: "geplant",
};

/** A Fachverfahren or platform with its vendor and the domains it serves. */
export const Product = z
  .object({
    id: ProductId,
    name: z.string().min(1).max(120),
    vendor: z.string().min(1).max(120),
    lifecycle: ProductLifecycle,
    domainIds: z.array(ServiceDomainId),
    description: z.string().nullable(),
    provenance: Provenance,
  })
  .meta({ id: "Product" });
export type Product = z.infer<typeof Product>;

/** Short reference to a product. */
export const ProductRef = z
  .object({ id: z.string(), name: z.string(), vendor: z.string() })
  .meta({ id: "ProductRef" });
export type ProductRef = z.infer<typeof ProductRef>;
