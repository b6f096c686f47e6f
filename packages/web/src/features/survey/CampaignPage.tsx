import { can } from "@it-atlas/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useBoundaries, useProviders, useRegions } from "../../api/hooks.ts";
import { NrwMap } from "../../map/NrwMap.tsx";
import { NEUTRAL_FILL } from "../../map/palette.ts";
import { formatDay, formatIsoDate } from "../../ui/format.ts";
import { OneTimeSecret } from "../../ui/OneTimeSecret.tsx";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { AccessNotice } from "../auth/AccessNotice.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { FormField } from "../sourcing/FormField.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { toFormProblem } from "../sourcing/toFormProblem.ts";
import { QuestionResults } from "./QuestionResults.tsx";
import { CampaignEditor } from "./CampaignEditor.tsx";
import { useTargetName } from "./CampaignListPage.tsx";
import {
  CAMPAIGN_STATUS_LABEL,
  PROGRESS_STATE_LABEL,
  useCampaign,
  useCampaignProgress,
  useCampaignResults,
  useCreateSurveyLink,
  useStartCampaign,
  useUpdateCampaign,
  type Campaign,
  type CampaignProgress,
  type ProgressState,
} from "./surveyQueries.ts";
import "./survey.css";

/** Map colours of response states (Okabe–Ito, distinguishable with colour-vision deficiency). */
export const STATUS_COLOUR: Record<ProgressState, string> = {
  not_started: "#CC79A7",
  draft: "#E69F00",
  submitted: "#56B4E9",
  accepted: "#009E73",
  returned: "#D55E00",
};
const STATUSES: ProgressState[] = ["not_started", "draft", "submitted", "accepted", "returned"];

/** `/bedarfserhebung/:campaignId`: design and start, then progress, links, review and results. */
export function CampaignPage() {
  const { campaignId = "" } = useParams();
  const id = Number(campaignId);
  const { principal, isPending } = usePrincipal();
  const allowed = can(principal, "campaign:manage");
  const campaign = useCampaign(id);
  usePageTitle(campaign.data?.title ?? "Erhebung");
  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to="/bedarfserhebung">
          Zurück zu den Erhebungen
        </Link>
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {campaign.data?.title ?? "Erhebung"}
      </h1>
      {!isPending && !allowed ? (
        <AccessNotice principal={principal} who="Analystinnen und Analysten der KDN" />
      ) : campaign.isPending ? (
        <LoadingState />
      ) : campaign.isError ? (
        <ErrorState error={campaign.error} />
      ) : (
        <CampaignContent campaign={campaign.data} />
      )}
    </>
  );
}

function CampaignContent({ campaign }: { campaign: Campaign }) {
  const targetName = useTargetName();
  return (
    <>
      <dl className="atlas-survey-facts">
        <div>
          <dt>Status</dt>
          <dd>{CAMPAIGN_STATUS_LABEL[campaign.status]}</dd>
        </div>
        <div>
          <dt>Zeitraum</dt>
          <dd>
            {formatIsoDate(campaign.periodStart)} – {formatIsoDate(campaign.periodEnd)}
          </dd>
        </div>
        <div>
          <dt>Zielgruppe</dt>
          <dd>{targetName(campaign.target)}</dd>
        </div>
        <div>
          <dt>Fragen</dt>
          <dd>
            {campaign.questions.length} (Version {campaign.questionSetVersion}
            {campaign.frozenAt ? ", eingefroren" : ""})
          </dd>
        </div>
      </dl>
      {campaign.status === "draft" ? (
        <DraftCampaign campaign={campaign} />
      ) : (
        <RunningCampaign campaign={campaign} />
      )}
    </>
  );
}

function DraftCampaign({ campaign }: { campaign: Campaign }) {
  const update = useUpdateCampaign(campaign.id);
  const start = useStartCampaign(campaign.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <section aria-labelledby="erhebung-starten" className="atlas-survey-section">
        <h2 id="erhebung-starten" className="kern-heading-medium">
          Erhebung starten
        </h2>
        <p className="kern-body">
          Beim Start werden die Fragen eingefroren und für jede Kommune der Zielgruppe ein
          Antwortbogen geöffnet.
        </p>
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={campaign.questions.length === 0 || start.isPending}
          onClick={() => setConfirming(true)}
        >
          <span className="kern-label">Erhebung starten</span>
        </button>
        {campaign.questions.length === 0 ? (
          <p className="kern-hint">Bitte legen Sie zuerst Fragen an und speichern Sie.</p>
        ) : null}
        {start.isError ? <ErrorState error={start.error} title="Nicht gestartet" /> : null}
      </section>
      <section aria-labelledby="erhebung-bearbeiten" className="atlas-survey-section">
        <h2 id="erhebung-bearbeiten" className="kern-heading-medium">
          Erhebung und Fragen bearbeiten
        </h2>
        <p className="kern-body" role="status">
          {update.isSuccess ? "Gespeichert." : null}
        </p>
        <CampaignEditor
          key={campaign.questionSetVersion}
          initial={{
            title: campaign.title,
            description: campaign.description,
            periodStart: campaign.periodStart,
            periodEnd: campaign.periodEnd,
            target: campaign.target,
            questions: campaign.questions,
          }}
          submitLabel="Änderungen speichern"
          pending={update.isPending}
          error={update.error}
          onSubmit={(input) => update.mutate(input)}
        />
      </section>
      {confirming ? (
        <ModalDialog title="Erhebung jetzt starten?" onClose={() => setConfirming(false)}>
          <p className="kern-body">
            Die {campaign.questions.length} Fragen werden eingefroren und können danach nicht mehr
            geändert werden. Die Kommunen der Zielgruppe können dann antworten.
          </p>
          <div className="atlas-form-actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              onClick={() => {
                setConfirming(false);
                start.mutate();
              }}
            >
              <span className="kern-label">Jetzt starten</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setConfirming(false)}
            >
              <span className="kern-label">Abbrechen</span>
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </>
  );
}

function countText(counts: Record<ProgressState, number>): string {
  return STATUSES.map((status) => `${counts[status]} ${PROGRESS_STATE_LABEL[status]}`).join(", ");
}

function RunningCampaign({ campaign }: { campaign: Campaign }) {
  const progress = useCampaignProgress(campaign.id);
  const results = useCampaignResults(campaign.id);
  const providers = useProviders();
  return (
    <>
      <p className="kern-body">
        <a className="kern-link" href={`/api/campaigns/${campaign.id}/export.xlsx`} download>
          Alle Antworten als Excel-Datei (XLSX) herunterladen
        </a>
      </p>
      {progress.isPending ? <LoadingState label="Fortschritt wird geladen …" /> : null}
      {progress.isError ? <ErrorState error={progress.error} /> : null}
      {progress.data ? <Progress campaign={campaign} progress={progress.data} /> : null}
      <section aria-labelledby="auswertung" className="atlas-survey-section">
        <h2 id="auswertung" className="kern-heading-medium">
          Auswertung
        </h2>
        {results.isPending ? <LoadingState label="Auswertung wird geladen …" /> : null}
        {results.isError ? <ErrorState error={results.error} /> : null}
        {results.data?.questions.length === 0 ? (
          <p className="kern-body">Keine auswertbaren Auswahlfragen.</p>
        ) : null}
        {results.data?.questions.map((question) => {
          const definition = campaign.questions.find((item) => item.key === question.key);
          const defined =
            definition && "options" in definition
              ? definition.options.map((option) => option.value)
              : [];
          const optionLabel = (value: string) =>
            definition && "options" in definition
              ? (definition.options.find((option) => option.value === value)?.label ?? value)
              : value;
          return (
            <QuestionResults
              key={question.key}
              question={question}
              definedOptions={defined}
              optionLabel={optionLabel}
              providerName={(id) =>
                providers.data?.items.find((provider) => provider.id === id)?.shortName ?? id
              }
            />
          );
        })}
      </section>
    </>
  );
}

function Progress({ campaign, progress }: { campaign: Campaign; progress: CampaignProgress }) {
  const boundaries = useBoundaries("gemeinde");
  const regions = useRegions();
  const [linkFor, setLinkFor] = useState<{ key: string; name: string } | null>(null);
  const status = new Map(progress.organisations.map((item) => [item.key, item.status]));
  const kreisName = (key: string) =>
    regions.data?.kreise.find((kreis) => kreis.key === key)?.name ?? key;
  const regionName = (key: string) =>
    regions.data?.regierungsbezirke.find((region) => region.key === key)?.name ?? key;
  const summary = `${progress.total} Kommunen befragt: ${countText(progress.counts)}.`;
  return (
    <>
      <section aria-labelledby="fortschritt" className="atlas-survey-section">
        <h2 id="fortschritt" className="kern-heading-medium">
          Fortschritt
        </h2>
        <p className="kern-body">{summary}</p>
        {boundaries.data ? (
          <NrwMap
            boundaries={boundaries.data}
            title={`${campaign.title}: Antwortstatus je Gemeinde`}
            summary={`${summary} Nicht befragte Gemeinden sind grau.`}
            fill={(key) => {
              const value = status.get(key);
              return value ? STATUS_COLOUR[value] : NEUTRAL_FILL;
            }}
            legend={[
              ...STATUSES.map((value) => ({
                color: STATUS_COLOUR[value],
                label: PROGRESS_STATE_LABEL[value],
              })),
              { color: NEUTRAL_FILL, label: "Nicht befragt" },
            ]}
          />
        ) : null}
        <CountTable caption="Stand je Kreis" rows={progress.byKreis} name={kreisName} />
        <CountTable
          caption="Stand je Regierungsbezirk"
          rows={progress.byRegierungsbezirk}
          name={regionName}
        />
      </section>

      <section aria-labelledby="antworten" className="atlas-survey-section">
        <h2 id="antworten" className="kern-heading-medium">
          Antwortbögen
        </h2>
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--striped kern-table--small">
            <caption className="kern-sr-only">Antwortbögen je Kommune</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  Kommune
                </th>
                <th scope="col" className="kern-table__header">
                  Status
                </th>
                <th scope="col" className="kern-table__header">
                  Aktionen
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.organisations.map((item) => (
                <tr key={item.key} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {item.name}
                  </th>
                  <td className="kern-table__cell">{PROGRESS_STATE_LABEL[item.status]}</td>
                  <td className="kern-table__cell">
                    {item.status !== "draft" && item.status !== "not_started" ? (
                      <Link
                        className="kern-link"
                        to={`/bedarfserhebung/${campaign.id}/pruefung/${item.key}`}
                      >
                        Antworten prüfen<span className="kern-sr-only"> ({item.name})</span>
                      </Link>
                    ) : null}{" "}
                    {campaign.status === "running" ? (
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary kern-btn--small"
                        onClick={() => setLinkFor({ key: item.key, name: item.name })}
                      >
                        <span className="kern-label">
                          Einladungslink erzeugen
                          <span className="kern-sr-only"> ({item.name})</span>
                        </span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="erinnerungen" className="atlas-survey-section">
        <h2 id="erinnerungen" className="kern-heading-medium">
          Erinnerungsliste
        </h2>
        {progress.reminders.length === 0 ? (
          <p className="kern-body">Alle Kommunen haben eingereicht.</p>
        ) : (
          <>
            <p className="kern-body">
              {progress.reminders.length} Kommune(n) haben noch nicht eingereicht
              {progress.reminders.some((item) => item.overdue)
                ? ` – die Frist ist am ${formatIsoDate(progress.periodEnd)} abgelaufen`
                : ` (Frist: ${formatIsoDate(progress.periodEnd)})`}
              .
            </p>
            <ul className="kern-list">
              {progress.reminders.map((item) => (
                <li key={item.key}>
                  {item.name} – {PROGRESS_STATE_LABEL[item.status]}
                  {item.overdue ? " (überfällig)" : ""}
                  {item.lastChange === null
                    ? ""
                    : `, zuletzt geändert am ${formatDay(item.lastChange)}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {linkFor ? (
        <LinkDialog campaignId={campaign.id} kommune={linkFor} onClose={() => setLinkFor(null)} />
      ) : null}
    </>
  );
}

function CountTable({
  caption,
  rows,
  name,
}: {
  caption: string;
  rows: CampaignProgress["byKreis"];
  name: (key: string) => string;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="kern-body kern-body--bold atlas-table-caption">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              Gebiet
            </th>
            {STATUSES.map((status) => (
              <th
                key={status}
                scope="col"
                className="kern-table__header kern-table__header--numeric"
              >
                {PROGRESS_STATE_LABEL[status]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {name(row.key)}
              </th>
              {STATUSES.map((status) => (
                <td key={status} className="kern-table__cell kern-table__cell--numeric">
                  {row.counts[status]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LinkDialog({
  campaignId,
  kommune,
  onClose,
}: {
  campaignId: number;
  kommune: { key: string; name: string };
  onClose: () => void;
}) {
  const create = useCreateSurveyLink(campaignId);
  const [label, setLabel] = useState("");
  const [days, setDays] = useState("30");
  const problem = create.isError ? toFormProblem(create.error) : null;
  const messageFor = (field: string) =>
    problem?.errors.find((item) => item.field === field)?.message;
  return (
    <ModalDialog title={`Einladungslink für ${kommune.name}`} onClose={onClose}>
      {create.data ? (
        <OneTimeSecret
          title="Persönlicher Link erzeugt"
          label="Persönlicher Link"
          value={`${window.location.origin}${create.data.path}`}
          onDone={onClose}
        >
          <p className="kern-body">
            Wer diesen Link hat, kann die Erhebung für {kommune.name} ohne Konto beantworten –
            gültig bis {formatDay(create.data.expiresAt)}.
          </p>
        </OneTimeSecret>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ ags: kommune.key, label, validDays: Number(days) });
          }}
        >
          {problem && problem.errors.length === 0 ? (
            <p className="kern-error" role="alert">
              <span className="kern-body">{problem.detail}</span>
            </p>
          ) : null}
          <FormField
            id="link-label"
            label="Für wen ist der Link? (Name oder Funktion)"
            error={messageFor("label")}
          >
            {(control) => (
              <input
                {...control}
                className="kern-form-input__input"
                value={label}
                onChange={(event) => setLabel(event.target.value)}
              />
            )}
          </FormField>
          <FormField
            id="link-tage"
            label="Gültig für Tage (1 bis 90)"
            error={messageFor("validDays")}
          >
            {(control) => (
              <input
                {...control}
                className="kern-form-input__input"
                type="number"
                min={1}
                max={90}
                value={days}
                onChange={(event) => setDays(event.target.value)}
              />
            )}
          </FormField>
          <div className="atlas-form-actions">
            <button
              type="submit"
              className="kern-btn kern-btn--primary"
              disabled={create.isPending}
            >
              <span className="kern-label">Link erzeugen</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={onClose}>
              <span className="kern-label">Abbrechen</span>
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
