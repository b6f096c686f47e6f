import { z } from "zod";

/** Switches zod's built-in validation messages to German (call once at start-up). */
export function useGermanValidationMessages(): void {
  z.config(z.locales.de());
}
