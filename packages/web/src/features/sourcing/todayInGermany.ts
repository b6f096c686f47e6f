// en-CA formats dates as YYYY-MM-DD; the time zone makes "today" the German day, as on the server.
const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

/** Today's date in Germany as YYYY-MM-DD (the default Stichtag and "Gültig ab"). */
export function todayInGermany(): string {
  return isoDay.format(new Date());
}
