import type { BaseComponent } from "./AdoptionStatus.ts";
import type { LeadLand, OnlineServiceKind } from "./OnlineService.ts";

/** An entry of the demo catalogue of online services and base components. */
export interface DemoOnlineService {
  id: string;
  name: string;
  description: string;
  kind: OnlineServiceKind;
  component: BaseComponent | null;
  operatorProviderId: string;
  efa: boolean;
  leadLand: LeadLand | null;
  portal: string | null;
  maturity: number;
  dependencies: BaseComponent[];
  ozgIds: number[];
}

/**
 * The demo catalogue ("Demodaten (synthetisch)"). The base components are described
 * generically — central E-Payment (ePayBL-based), XTA/OSCI transport, a Servicekonto with
 * BundID connection and a form solution exist in NRW, but who operates which one, names,
 * maturity and EfA leads are **not sourced** here: every row is seeded with quality `demo`.
 * Operators are the fictitious demo providers (DEMO_PROVIDERS), never real ones (ADR 0021);
 * every name ends in „(Demo)“.
 * The OZG-IDs are real entries of the 2019 catalogue (S5) so that coverage can be computed.
 */
export const DEMO_ONLINE_SERVICES: readonly DemoOnlineService[] = [
  {
    id: "servicekonto-nrw",
    name: "Servicekonto mit BundID-Anbindung (Demo)",
    description:
      "Zentrales Nutzerkonto für Bürgerinnen, Bürger und Unternehmen (generisch beschrieben; Betreiber als Demodaten).",
    kind: "basiskomponente",
    component: "servicekonto",
    operatorProviderId: "demo-dl-west",
    efa: false,
    leadLand: "NW",
    portal: "Serviceportal (Land)",
    maturity: 4,
    dependencies: [],
    ozgIds: [],
  },
  {
    id: "epayment-nrw",
    name: "Zentrale E-Payment-Plattform (ePayBL-basiert) (Demo)",
    description:
      "Bezahlplattform für Gebühren in Onlinediensten (generisch beschrieben; Betreiber als Demodaten).",
    kind: "basiskomponente",
    component: "epayment",
    operatorProviderId: "demo-dl-west",
    efa: false,
    leadLand: "NW",
    portal: null,
    maturity: 4,
    dependencies: [],
    ozgIds: [],
  },
  {
    id: "epayment-regional",
    name: "Regionale Bezahlplattform (Demo)",
    description:
      "Eine zweite, regionale E-Payment-Lösung, um „andere Lösung“ zu zeigen (Demodaten).",
    kind: "basiskomponente",
    component: "epayment",
    operatorProviderId: "demo-dl-west",
    efa: false,
    leadLand: null,
    portal: null,
    maturity: 4,
    dependencies: [],
    ozgIds: [],
  },
  {
    id: "xta-transport",
    name: "XTA/OSCI-Transport zu den Fachverfahren (Demo)",
    description:
      "Sicherer Transport der Anträge vom Onlinedienst in das Fachverfahren der Kommune (generisch beschrieben).",
    kind: "basiskomponente",
    component: "xta",
    operatorProviderId: "demo-dl-west",
    efa: false,
    leadLand: "NW",
    portal: null,
    maturity: 4,
    dependencies: [],
    ozgIds: [],
  },
  {
    id: "formular-kommunal",
    name: "Kommunale Formularlösung (Demo)",
    description:
      "Formularserver für kommunale Anträge ohne eigenen Onlinedienst (generisch beschrieben).",
    kind: "basiskomponente",
    component: "formular",
    operatorProviderId: "demo-dl-mitte",
    efa: false,
    leadLand: null,
    portal: null,
    maturity: 3,
    dependencies: ["servicekonto"],
    ozgIds: [],
  },
  demo(
    "melde-online",
    "Online-Meldedienste (Demo)",
    "demo-dl-mitte",
    false,
    null,
    3,
    ["servicekonto", "epayment", "xta"],
    [10124, 10559, 10111],
  ),
  demo(
    "kfz-online",
    "Internetbasierte Fahrzeugzulassung (Demo)",
    "demo-dl-west",
    true,
    "BUND",
    4,
    ["servicekonto", "epayment"],
    [10439, 10436, 10459],
  ),
  demo(
    "fuehrerschein-online",
    "Führerschein digital beantragen (Demo)",
    "demo-dl-west",
    true,
    "NW",
    3,
    ["servicekonto", "epayment", "xta"],
    [10169, 10424],
  ),
  demo(
    "elterngeld-online",
    "Elterngeld online (Demo)",
    "demo-dl-west",
    true,
    "BUND",
    3,
    ["servicekonto", "xta"],
    [10000],
  ),
  demo(
    "wohngeld-online",
    "Wohngeld-Antrag (Demo)",
    "demo-dl-west",
    true,
    "NW",
    3,
    ["servicekonto", "xta"],
    [10092],
  ),
  demo(
    "bauantrag-online",
    "Digitaler Bauantrag (Demo)",
    "demo-dl-ost",
    true,
    "NW",
    3,
    ["servicekonto", "epayment", "xta"],
    [10519, 10520, 10517],
  ),
  demo(
    "gewerbe-online",
    "Gewerbeservice online (Demo)",
    "demo-dl-ost",
    true,
    "NW",
    3,
    ["servicekonto", "epayment", "xta"],
    [10294, 10564],
  ),
  demo(
    "personenstand-online",
    "Personenstandsurkunden online (Demo)",
    "demo-dl-sued",
    false,
    null,
    3,
    ["servicekonto", "epayment", "xta"],
    [10557, 10237, 10026],
  ),
  demo(
    "aufenthalt-online",
    "Aufenthaltstitel digital (Demo)",
    "demo-dl-west",
    true,
    "NW",
    2,
    ["servicekonto", "xta"],
    [10255, 10596],
  ),
  demo(
    "hund-online",
    "Hundehaltung online (Demo)",
    "demo-dl-sued",
    false,
    null,
    3,
    ["servicekonto", "epayment", "formular"],
    [10160],
  ),
  demo(
    "abfall-online",
    "Abfall-Services (Demo)",
    "demo-dl-nord",
    false,
    null,
    2,
    ["formular"],
    [10110],
  ),
  demo(
    "briefwahl-online",
    "Briefwahl online (Demo)",
    "demo-dl-sued",
    false,
    null,
    3,
    ["servicekonto"],
    [10145],
  ),
  demo(
    "kita-online",
    "Kita-Platz-Anmeldung (Demo)",
    "demo-dl-sued",
    false,
    null,
    3,
    ["servicekonto", "formular"],
    [10019],
  ),
  demo(
    "parken-online",
    "Bewohnerparken online (Demo)",
    "demo-dl-nord",
    true,
    "NW",
    3,
    ["servicekonto", "epayment"],
    [10173],
  ),
];

function demo(
  id: string,
  name: string,
  operatorProviderId: string,
  efa: boolean,
  leadLand: LeadLand | null,
  maturity: number,
  dependencies: BaseComponent[],
  ozgIds: number[],
): DemoOnlineService {
  return {
    id,
    name,
    description: "Synthetischer Onlinedienst zur Demonstration (Demodaten).",
    kind: "onlinedienst",
    component: null,
    operatorProviderId,
    efa,
    leadLand,
    portal: efa ? "Serviceportal (Land)" : "Serviceportal der Kommune",
    maturity,
    dependencies,
    ozgIds,
  };
}
