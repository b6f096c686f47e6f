/** Path of the sign-in page that returns to `back` (path and query of the current page). */
export function signInPath(back?: string): string {
  // Returning to the sign-in page itself would be a loop.
  if (!back || back === "/" || back.startsWith("/anmelden")) return "/anmelden";
  return `/anmelden?${new URLSearchParams({ zurueck: back }).toString()}`;
}
