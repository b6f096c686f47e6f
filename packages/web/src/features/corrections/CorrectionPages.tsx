import { can, correctionStatusLabel, correctionTypeLabel } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { SignInLink } from "../../ui/SignInLink.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { CommentSection } from "../change/CommentSection.tsx";
import {
  useCorrection,
  useCorrections,
  useDecideCorrection,
  type Correction,
} from "./correctionQueries.ts";

const STATUSES: Array<Correction["status"]> = ["open", "accepted", "rejected"];

function Source({ correction }: { correction: Correction }) {
  return (
    <>
      {correction.source.url ? (
        <a className="kern-link" href={correction.source.url} rel="noreferrer">
          {correction.source.url}
          <span className="atlas-visually-hidden"> (externe Seite)</span>
        </a>
      ) : null}
      {correction.source.url && correction.source.document ? " · " : null}
      {correction.source.document ?? null} (Beleg vom{" "}
      {formatIsoDate(correction.source.evidenceDate)})
    </>
  );
}

/** Korrekturvorschläge: KDN sees all, editors those of their Kommune or provider. */
export function CorrectionListPage() {
  usePageTitle("Korrekturen");
  const { principal, isPending } = usePrincipal();
  const [status, setStatus] = useState<Correction["status"]>("open");
  const signedIn = principal.kind === "user";
  const corrections = useCorrections({ status }, signedIn);
  const statusId = useId();
  return (
    <>
      <h1 className="kern-heading-large">Korrekturen</h1>
      <p className="kern-body">
        Kommunen und IT-Dienstleister schlagen Korrekturen der Angaben über sich mit Quelle vor; die
        KDN nimmt sie mit Begründung an oder lehnt sie ab. Eine angenommene Korrektur wird eine neue
        Version der Angabe; die alte bleibt mit ihrer Quelle im Verlauf.
      </p>
      {!signedIn && !isPending ? (
        <p className="kern-body">
          Korrekturen sehen nur angemeldete Personen. <SignInLink />
        </p>
      ) : null}
      {signedIn ? (
        <>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor={statusId}>
              Stand
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id={statusId}
                className="kern-form-input__select"
                value={status}
                onChange={(event) => setStatus(event.target.value as Correction["status"])}
              >
                {STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {correctionStatusLabel[value]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {corrections.isPending ? <LoadingState /> : null}
          {corrections.isError ? <ErrorState error={corrections.error} /> : null}
          {corrections.data?.items.length === 0 ? (
            <EmptyState>Keine Korrekturen in diesem Stand.</EmptyState>
          ) : null}
          {corrections.data && corrections.data.items.length > 0 ? (
            <div className="kern-table-responsive">
              <table className="kern-table">
                <caption className="kern-title">
                  Korrekturen ({correctionStatusLabel[status]})
                </caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    {["Nr.", "Art", "Korrektur", "Vorgeschlagen", "Quelle"].map((column) => (
                      <th key={column} scope="col" className="kern-table__header">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {corrections.data.items.map((correction) => (
                    <tr key={correction.id} className="kern-table__row">
                      <td className="kern-table__cell">{correction.id}</td>
                      <td className="kern-table__cell">{correctionTypeLabel[correction.type]}</td>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/korrekturen/${correction.id}`}>
                          {correction.summary}
                        </Link>
                      </td>
                      <td className="kern-table__cell">
                        {correction.proposedBy}, {formatDateTime(correction.proposedAt)}
                      </td>
                      <td className="kern-table__cell">
                        <Source correction={correction} />
                      </td>
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

function DecisionForm({ correction }: { correction: Correction }) {
  const decide = useDecideCorrection(correction.id);
  const [reason, setReason] = useState("");
  const [decision, setDecision] = useState<"accept" | "reject">("accept");
  const reasonId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({ decision, reason });
  };
  return (
    <form aria-label="Über die Korrektur entscheiden" onSubmit={submit}>
      <h2 className="kern-heading-medium">Entscheidung</h2>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={reasonId}>
          Begründung
        </label>
        <textarea
          id={reasonId}
          className="kern-form-input__input"
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <p className="kern-body">
        <button
          type="submit"
          className="kern-btn kern-btn--primary"
          disabled={decide.isPending}
          onClick={() => setDecision("accept")}
        >
          <span className="kern-label">Annehmen</span>
        </button>{" "}
        <button
          type="submit"
          className="kern-btn kern-btn--secondary"
          disabled={decide.isPending}
          onClick={() => setDecision("reject")}
        >
          <span className="kern-label">Ablehnen</span>
        </button>
      </p>
      {decide.isError ? (
        <ErrorState error={decide.error} title="Entscheidung nicht gespeichert" />
      ) : null}
    </form>
  );
}

function describeValues(values: Record<string, unknown> | null): string {
  if (!values) return "–";
  const labels: Record<string, string> = {
    relation: "Beziehung",
    validFrom: "gültig ab",
    validTo: "beendet zum",
    providerId: "Dienstleister",
    name: "Name",
    website: "Website",
    legal_form: "Rechtsform",
    legalForm: "Rechtsform",
    seat: "Sitz",
    valid_from: "gültig ab",
    as_of: "Stand",
  };
  return Object.entries(values)
    .filter(([key, value]) => key in labels && value !== null && value !== undefined)
    .map(([key, value]) => `${labels[key]}: ${String(value)}`)
    .join("; ");
}

/** One correction: what it says, its source, the decision and the discussion. */
export function CorrectionDetailPage() {
  const id = Number(useParams().id);
  const correction = useCorrection(id);
  const { principal } = usePrincipal();
  usePageTitle(`Korrektur Nr. ${id}`);
  if (correction.isPending) return <LoadingState />;
  if (correction.isError) return <ErrorState error={correction.error} />;
  const data = correction.data;
  return (
    <>
      <h1 className="kern-heading-large">Korrektur Nr. {data.id}</h1>
      <p className="kern-body">
        <strong>{data.summary}</strong>
      </p>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Stand</dt>
          <dd className="kern-description-list-item__value">
            {correctionStatusLabel[data.status]}
            {data.decidedAt
              ? ` am ${formatDateTime(data.decidedAt)} durch ${data.decidedBy ?? "–"}: ${data.decisionReason ?? ""}`
              : ""}
          </dd>
        </div>
        {data.organisation ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Kommune</dt>
            <dd className="kern-description-list-item__value">
              <Link className="kern-link" to={`/kommunen/${data.organisation.key}`}>
                {data.organisation.name}
              </Link>
            </dd>
          </div>
        ) : null}
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">IT-Dienstleister</dt>
          <dd className="kern-description-list-item__value">
            <Link className="kern-link" to={`/dienstleister/${data.provider.id}`}>
              {data.provider.name}
            </Link>
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Bisher</dt>
          <dd className="kern-description-list-item__value">{describeValues(data.current)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Vorgeschlagen</dt>
          <dd className="kern-description-list-item__value">{describeValues(data.proposed)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Quelle</dt>
          <dd className="kern-description-list-item__value">
            <Source correction={data} />
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Vorgeschlagen von</dt>
          <dd className="kern-description-list-item__value">
            {data.proposedBy}, {formatDateTime(data.proposedAt)}
            {data.note ? ` – ${data.note}` : ""}
          </dd>
        </div>
      </dl>
      {data.status === "open" && can(principal, "corrections:decide") ? (
        <DecisionForm correction={data} />
      ) : null}
      <CommentSection target={{ targetType: "correction", targetId: String(data.id) }} />
      <p className="kern-body">
        <Link className="kern-link" to="/korrekturen">
          Alle Korrekturen
        </Link>
      </p>
    </>
  );
}
