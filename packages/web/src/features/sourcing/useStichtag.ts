import { useSearchParams } from "react-router";
import { todayInGermany } from "./todayInGermany.ts";

/**
 * The Stichtag of a page, kept in the URL (?stichtag=JJJJ-MM-TT) so a view can be shared;
 * today when absent. Clearing the field returns to today.
 */
export function useStichtag(): [string, (value: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asOf = searchParams.get("stichtag") || todayInGermany();
  const setAsOf = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set("stichtag", value);
    else next.delete("stichtag");
    setSearchParams(next, { replace: true });
  };
  return [asOf, setAsOf];
}
