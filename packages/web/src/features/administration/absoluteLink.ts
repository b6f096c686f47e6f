/**
 * An invitation or reset link as the server answers it: absolute when ATLAS_PUBLIC_URL is set,
 * otherwise only a path, which this completes from the address the web app was loaded from
 * (the server never builds links from a request's Host header, issue 15.7).
 */
export function absoluteLink(link: string, origin: string = window.location.origin): string {
  return new URL(link, origin).toString();
}
