import { can } from "@it-atlas/domain";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { useProviders, useRegions } from "../../api/hooks.ts";
import { formatIsoDate } from "../../ui/format.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { TableExport } from "../../ui/TableExport.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { AccessNotice } from "../auth/AccessNotice.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { CampaignEditor } from "./CampaignEditor.tsx";
import {
  CAMPAIGN_STATUS_LABEL,
  useCampaigns,
  RESPONSE_STATUS_LABEL,
  useCreateCampaign,
  useOwnSurveys,
  type Campaign,
} from "./surveyQueries.ts";

/** Names a campaign's target group in German. */
export function useTargetName(): (target: Campaign["target"]) => string {
  const regions = useRegions();
  const providers = useProviders();
  return (target) => {
    switch (target.kind) {
      case "all":
        return "Alle Kommunen";
      case "kreis":
        return `Kreis ${regions.data?.kreise.find((kreis) => kreis.key === target.key)?.name ?? target.key}`;
      case "regierungsbezirk":
        return `Regierungsbezirk ${regions.data?.regierungsbezirke.find((region) => region.key === target.key)?.name ?? target.key}`;
      case "provider":
        return `Mitglieder von ${providers.data?.items.find((provider) => provider.id === target.key)?.shortName ?? target.key}`;
      case "kommunen":
        return `${target.keys.length} ausgewählte ${target.keys.length === 1 ? "Kommune" : "Kommunen"}`;
    }
  };
}

/** `/bedarfserhebung`: campaigns of the KDN (analysts and administrators only). */
export function CampaignListPage() {
  usePageTitle("Bedarfserhebung");
  const { principal, user, isPending } = usePrincipal();
  const allowed = can(principal, "campaign:manage");
  const campaigns = useCampaigns(allowed);
  const ownKommune =
    user?.roles.find((role) => role.role === "kommune_bearbeiter" && role.organisationKey)
      ?.organisationKey ?? null;
  const targetName = useTargetName();
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Bedarfserhebung
      </h1>
      <p className="kern-body">
        Erhebungen bei den Kommunen: Fragen je Leistungsbereich, Antworten per Konto oder
        persönlichem Link, Prüfung und Übernahme in die IT-Landkarte.
      </p>
      {isPending ? <LoadingState /> : null}
      {!isPending && !allowed && ownKommune ? <OwnSurveys ags={ownKommune} /> : null}
      {!isPending && !allowed && !ownKommune ? (
        <AccessNotice principal={principal} who="Analystinnen und Analysten der KDN" />
      ) : null}
      {allowed ? (
        <>
          <p className="kern-body">
            <Link className="kern-btn kern-btn--primary" to="/bedarfserhebung/neu">
              <span className="kern-label">Neue Erhebung anlegen</span>
            </Link>
          </p>
          {campaigns.isPending ? <LoadingState /> : null}
          {campaigns.isError ? <ErrorState error={campaigns.error} /> : null}
          {campaigns.data && campaigns.data.items.length === 0 ? (
            <EmptyState>Es gibt noch keine Erhebung.</EmptyState>
          ) : null}
          {campaigns.data && campaigns.data.items.length > 0 ? (
            <TableExport
              fileStem="bedarfserhebungen"
              sheetName="Erhebungen"
              label="Erhebungen"
              columns={[
                { header: "Titel", value: (row: Campaign) => row.title },
                { header: "Beginn", value: (row: Campaign) => formatIsoDate(row.periodStart) },
                { header: "Ende", value: (row: Campaign) => formatIsoDate(row.periodEnd) },
                { header: "Zielgruppe", value: (row: Campaign) => targetName(row.target) },
                { header: "Status", value: (row: Campaign) => CAMPAIGN_STATUS_LABEL[row.status] },
                { header: "Fragen", value: (row: Campaign) => row.questions.length },
              ]}
              rows={campaigns.data.items}
            />
          ) : null}
          {campaigns.data && campaigns.data.items.length > 0 ? (
            <div className="kern-table-responsive">
              <table className="kern-table kern-table--striped kern-table--small">
                <caption className="kern-body kern-body--bold atlas-table-caption">
                  Erhebungen
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      Titel
                    </th>
                    <th scope="col" className="kern-table__header">
                      Zeitraum
                    </th>
                    <th scope="col" className="kern-table__header">
                      Zielgruppe
                    </th>
                    <th scope="col" className="kern-table__header">
                      Status
                    </th>
                    <th scope="col" className="kern-table__header">
                      Fragen
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.data.items.map((campaign) => (
                    <tr key={campaign.id} className="kern-table__row">
                      <th scope="row" className="kern-table__header">
                        <Link className="kern-link" to={`/bedarfserhebung/${campaign.id}`}>
                          {campaign.title}
                        </Link>
                      </th>
                      <td className="kern-table__cell">
                        {formatIsoDate(campaign.periodStart)} – {formatIsoDate(campaign.periodEnd)}
                      </td>
                      <td className="kern-table__cell">{targetName(campaign.target)}</td>
                      <td className="kern-table__cell">{CAMPAIGN_STATUS_LABEL[campaign.status]}</td>
                      <td className="kern-table__cell">{campaign.questions.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** The surveys the signed-in Kommune-Bearbeiter's Kommune is asked to answer. */
function OwnSurveys({ ags }: { ags: string }) {
  const surveys = useOwnSurveys(ags);
  if (surveys.isPending) return <LoadingState />;
  if (surveys.isError) return <ErrorState error={surveys.error} />;
  if (surveys.data.items.length === 0)
    return <EmptyState>Ihre Kommune ist derzeit an keiner Erhebung beteiligt.</EmptyState>;
  return (
    <section aria-labelledby="eigene-erhebungen">
      <h2 id="eigene-erhebungen" className="kern-heading-medium">
        Erhebungen Ihrer Kommune
      </h2>
      <ul className="kern-list">
        {surveys.data.items.map((item) => (
          <li key={item.campaignId}>
            <Link className="kern-link" to={`/bedarfserhebung/${item.campaignId}/kommunen/${ags}`}>
              {item.campaignTitle}
            </Link>{" "}
            – {RESPONSE_STATUS_LABEL[item.status]}, Frist {formatIsoDate(item.periodEnd)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/bedarfserhebung/neu`: create a campaign (draft). */
export function NewCampaignPage() {
  usePageTitle("Neue Erhebung");
  const { principal, isPending } = usePrincipal();
  const create = useCreateCampaign();
  const navigate = useNavigate();
  // From the Datenlage: `?kommunen=` preselects the Kommunen with the weakest coverage; the
  // page passes their names along (a reload keeps the selection and shows the keys).
  const [params] = useSearchParams();
  const location = useLocation();
  const chosen = (params.get("kommunen") ?? "")
    .split(",")
    .filter((key) => /^05\d{3}(\d{3})?$/.test(key));
  const names = (location.state as { kommuneNames?: Record<string, string> } | null)?.kommuneNames;
  const initial =
    chosen.length > 0
      ? {
          title: "Bedarfserhebung: Kommunen mit schwacher Datenlage",
          description:
            "Kommunen, deren Angaben in der IT-Landkarte am wenigsten belegt oder am ältesten sind (Datenlage).",
          periodStart: new Date().toISOString().slice(0, 10),
          periodEnd: "",
          target: { kind: "kommunen" as const, keys: chosen },
          questions: [],
        }
      : undefined;
  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to="/bedarfserhebung">
          Zurück zu den Erhebungen
        </Link>
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Neue Erhebung
      </h1>
      {!isPending && !can(principal, "campaign:manage") ? (
        <AccessNotice principal={principal} who="Analystinnen und Analysten der KDN" />
      ) : (
        <CampaignEditor
          {...(initial ? { initial } : {})}
          {...(names ? { kommuneNames: names } : {})}
          submitLabel="Erhebung anlegen"
          pending={create.isPending}
          error={create.error}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (campaign) => void navigate(`/bedarfserhebung/${campaign.id}`),
            })
          }
        />
      )}
    </>
  );
}
