import { useEffect } from "react";

/** Sets the document title ("Detmold – IT-Atlas NRW") so tabs and screen readers name the page. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} – IT-Atlas NRW` : "IT-Atlas NRW";
  }, [title]);
}
