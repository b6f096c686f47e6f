/**
 * Where to go after signing in: the `?zurueck=` path if it stays on this site, else the start
 * page. Only same-site paths are followed, so a crafted link cannot send people elsewhere
 * (open redirect): "//host" and "/\host" are taken as other hosts by browsers.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/anmelden")) return "/";
  return value;
}
