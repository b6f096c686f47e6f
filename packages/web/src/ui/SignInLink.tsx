import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { signInPath } from "./signInPath.ts";

/** Link to the sign-in page that brings the person back to the page they are on. */
export function SignInLink({ children = "Jetzt anmelden" }: { children?: ReactNode }) {
  const location = useLocation();
  return (
    <Link className="kern-link" to={signInPath(`${location.pathname}${location.search}`)}>
      {children}
    </Link>
  );
}
