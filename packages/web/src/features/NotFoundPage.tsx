import { Link } from "react-router";
import { usePageTitle } from "../ui/usePageTitle.ts";

/** Unknown client-side path. */
export function NotFoundPage() {
  usePageTitle("Seite nicht gefunden");
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Seite nicht gefunden
      </h1>
      <p className="kern-body">
        Diese Adresse gibt es im IT-Atlas nicht.{" "}
        <Link className="kern-link" to="/">
          Zur Startseite
        </Link>
      </p>
    </>
  );
}
