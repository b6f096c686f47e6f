import { z } from "zod";

/**
 * Free-text search parameter (`q`) of list endpoints. Control characters are rejected as input
 * errors: PostgreSQL text cannot hold NUL (the query would fail with a 500), and no name, key
 * or Leistung contains any of them.
 */
export const SearchText = z
  .string()
  .trim()
  .max(100)
  .refine((text) => !/\p{Cc}/u.test(text), "darf keine Steuerzeichen enthalten");
