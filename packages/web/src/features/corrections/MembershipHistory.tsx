import { can, correctionStatusLabel, membershipRelationLabel } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { useProviders } from "../../api/hooks.ts";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { SourceNote } from "../../ui/SourceNote.tsx";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import {
  useCorrections,
  useMembershipHistory,
  useProposeCorrection,
  type CorrectionWrite,
} from "./correctionQueries.ts";

type Membership = Schemas["Membership"];
type Relation = Membership["relation"];
type Kind = "membership_change" | "membership_end" | "membership_add";
const RELATIONS = Object.entries(membershipRelationLabel) as Array<[Relation, string]>;

export function Input({
  label,
  value,
  onChange,
  type = "text",
  required = false,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "url" | "date";
  required?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
        {required ? "" : " (optional)"}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        className="kern-form-input__input"
        type={type}
        value={value}
        required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          className="kern-form-input__select"
          value={value}
          required
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">Bitte wählen</option>
          {options.map(([optionValue, optionLabel]) => (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const EMPTY = {
  kind: "membership_change" as Kind,
  membershipId: "",
  providerId: "",
  relation: "",
  validFrom: "",
  validTo: "",
  url: "",
  document: "",
  evidenceDate: "",
  note: "",
};

function ProposalForm({
  ags,
  name,
  memberships,
}: {
  ags: string;
  name: string;
  memberships: Membership[];
}) {
  const [form, setForm] = useState(EMPTY);
  const [message, setMessage] = useState("");
  const propose = useProposeCorrection();
  const providers = useProviders();
  const noteId = useId();
  const set = (field: keyof typeof EMPTY) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const source = {
      url: form.url || null,
      document: form.document || null,
      evidenceDate: form.evidenceDate,
    };
    const note = form.note || null;
    const body: CorrectionWrite =
      form.kind === "membership_add"
        ? {
            type: "membership_add",
            organisationKey: ags,
            providerId: form.providerId,
            relation: form.relation as Relation,
            validFrom: form.validFrom || null,
            source,
            note,
          }
        : form.kind === "membership_change"
          ? {
              type: "membership_change",
              membershipId: Number(form.membershipId),
              relation: form.relation as Relation,
              validFrom: form.validFrom || null,
              source,
              note,
            }
          : {
              type: "membership_end",
              membershipId: Number(form.membershipId),
              validTo: form.validTo,
              source,
              note,
            };
    propose.mutate(body, {
      onSuccess: (correction) => {
        setForm(EMPTY);
        setMessage(
          `Ihr Vorschlag Nr. ${correction.id} ist eingegangen; die KDN prüft ihn. Bis dahin bleibt die bisherige Angabe sichtbar.`,
        );
      },
    });
  };
  return (
    <form aria-label={`Korrektur für ${name} vorschlagen`} onSubmit={submit}>
      <h3 className="kern-heading-small">Korrektur vorschlagen</h3>
      <p className="kern-body">
        Stimmt eine Angabe zu {name} nicht? Schlagen Sie die richtige mit Quelle vor. Die KDN prüft
        den Vorschlag; die bisherige Angabe bleibt mit ihrer Quelle im Verlauf erhalten.
      </p>
      <Select
        label="Art der Korrektur"
        value={form.kind}
        onChange={(value) => set("kind")(value || "membership_change")}
        options={[
          ["membership_change", "Mitgliedschaft ändern"],
          ["membership_end", "Mitgliedschaft beenden"],
          ["membership_add", "Neue Mitgliedschaft"],
        ]}
      />
      {form.kind === "membership_add" ? (
        <Select
          label="IT-Dienstleister"
          value={form.providerId}
          onChange={set("providerId")}
          options={(providers.data?.items ?? []).map((provider) => [provider.id, provider.name])}
        />
      ) : (
        <Select
          label="Mitgliedschaft"
          value={form.membershipId}
          onChange={set("membershipId")}
          options={memberships.map((membership) => [
            String(membership.id),
            `${membership.provider.shortName}: ${membershipRelationLabel[membership.relation]}`,
          ])}
        />
      )}
      {form.kind === "membership_end" ? (
        <Input
          label="Beendet zum"
          type="date"
          required
          value={form.validTo}
          onChange={set("validTo")}
        />
      ) : (
        <>
          <Select
            label="Beziehung"
            value={form.relation}
            onChange={set("relation")}
            options={RELATIONS}
          />
          <Input label="Gültig ab" type="date" value={form.validFrom} onChange={set("validFrom")} />
        </>
      )}
      <Input
        label="Quelle: Internetadresse"
        type="url"
        value={form.url}
        onChange={set("url")}
        hint="Adresse oder Dokument – mindestens eines von beiden."
      />
      <Input
        label="Quelle: Dokument"
        value={form.document}
        onChange={set("document")}
        hint="z. B. Ratsbeschluss, Vertrag, Schreiben mit Datum oder Aktenzeichen"
      />
      <Input
        label="Datum des Belegs"
        type="date"
        required
        value={form.evidenceDate}
        onChange={set("evidenceDate")}
      />
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={noteId}>
          Anmerkung (optional)
        </label>
        <textarea
          id={noteId}
          className="kern-form-input__input"
          value={form.note}
          onChange={(event) => set("note")(event.target.value)}
        />
      </div>
      <p className="kern-body">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={propose.isPending}>
          <span className="kern-label">Korrektur vorschlagen</span>
        </button>
      </p>
      <div role="status" className="kern-body">
        {message}
      </div>
      {propose.isError ? (
        <ErrorState error={propose.error} title="Vorschlag nicht gespeichert" />
      ) : null}
    </form>
  );
}

function VersionTable({
  versions,
  name,
}: {
  versions: Schemas["MembershipVersion"][];
  name: string;
}) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table kern-table--small">
        <caption className="kern-title">Verlauf der Mitgliedschaften von {name}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {[
              "IT-Dienstleister",
              "Beziehung",
              "Gültig ab",
              "Gültig bis",
              "Quelle",
              "Erfasst",
              "Stand",
            ].map((column) => (
              <th key={column} scope="col" className="kern-table__header">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {versions.map((version, index) => (
            <tr key={`${version.membershipId}-${index}`} className="kern-table__row">
              <td className="kern-table__cell">{version.provider.shortName}</td>
              <td className="kern-table__cell">{membershipRelationLabel[version.relation]}</td>
              <td className="kern-table__cell">{formatIsoDate(version.validFrom)}</td>
              <td className="kern-table__cell">{formatIsoDate(version.validTo)}</td>
              <td className="kern-table__cell">
                <SourceNote provenance={version.provenance} />
              </td>
              <td className="kern-table__cell">{formatDateTime(version.recordedAt)}</td>
              <td className="kern-table__cell">
                {version.supersededAt === null ? (
                  "aktuell"
                ) : (
                  <>
                    ersetzt am {formatDateTime(version.supersededAt)}
                    {version.correctionId ? (
                      <>
                        {" "}
                        (
                        <Link className="kern-link" to={`/korrekturen/${version.correctionId}`}>
                          Korrektur Nr. {version.correctionId}
                        </Link>
                        )
                      </>
                    ) : version.channel === "import" ? (
                      " (Import)"
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * History of a Kommune's memberships (every version with its source) and, for the Kommune's
 * own editors, the form to propose a correction and their open proposals.
 */
export function MembershipHistory({
  ags,
  name,
  memberships,
}: {
  ags: string;
  name: string;
  memberships: Membership[];
}) {
  const history = useMembershipHistory(ags);
  const { principal } = usePrincipal();
  const mayPropose = can(principal, "corrections:propose", { organisationKey: ags });
  const signedIn = principal.kind === "user";
  const corrections = useCorrections({ organisation: ags }, signedIn);
  const earlier = (history.data?.items ?? []).filter((version) => version.supersededAt !== null);
  return (
    <section aria-labelledby="verlauf">
      <h2 id="verlauf" className="kern-heading-medium">
        Verlauf und Korrekturen
      </h2>
      {history.isPending ? <LoadingState label="Verlauf wird geladen …" /> : null}
      {history.isError ? <ErrorState error={history.error} /> : null}
      {history.data && earlier.length === 0 ? (
        <EmptyState>Die Mitgliedschaften von {name} wurden bisher nicht korrigiert.</EmptyState>
      ) : null}
      {history.data && earlier.length > 0 ? (
        <VersionTable versions={history.data.items} name={name} />
      ) : null}
      {corrections.data && corrections.data.items.length > 0 ? (
        <>
          <h3 className="kern-heading-small">Korrekturvorschläge</h3>
          <ul className="kern-list">
            {corrections.data.items.map((correction) => (
              <li key={correction.id}>
                <Link className="kern-link" to={`/korrekturen/${correction.id}`}>
                  Nr. {correction.id}: {correction.summary}
                </Link>{" "}
                – {correctionStatusLabel[correction.status]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayPropose ? <ProposalForm ags={ags} name={name} memberships={memberships} /> : null}
    </section>
  );
}
