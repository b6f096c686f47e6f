import { can, correctionStatusLabel } from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Schemas } from "../../api/client.ts";
import { ErrorState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { useCorrections, useProposeCorrection, type CorrectionWrite } from "./correctionQueries.ts";
import { Input } from "./MembershipHistory.tsx";

type Provider = Pick<
  Schemas["ProviderDetail"],
  "id" | "shortName" | "name" | "website" | "legalForm" | "seat"
>;
type Values = Extract<CorrectionWrite, { type: "provider_change" }>["values"];

function initialForm(provider: Provider) {
  return {
    name: provider.name,
    website: provider.website ?? "",
    legalForm: provider.legalForm ?? "",
    seat: provider.seat ?? "",
    url: "",
    document: "",
    evidenceDate: "",
    note: "",
  };
}

/** The values that differ from today's facts (empty text clears an optional fact). */
function changedValues(provider: Provider, form: ReturnType<typeof initialForm>): Values {
  const values: Values = {};
  if (form.name.trim() !== provider.name) values.name = form.name.trim();
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  if (optional(form.website) !== provider.website) values.website = optional(form.website);
  if (optional(form.legalForm) !== provider.legalForm) values.legalForm = optional(form.legalForm);
  if (optional(form.seat) !== provider.seat) values.seat = optional(form.seat);
  return values;
}

/**
 * Corrections of a provider's own facts (name, website, legal form, seat; ADR 0022): the
 * provider's editors propose them with a source, KDN decides. Everyone who may see them gets
 * the list of proposals about the provider.
 */
export function ProviderCorrections({ provider }: { provider: Provider }) {
  const { principal } = usePrincipal();
  const mayPropose = can(principal, "corrections:propose", { providerId: provider.id });
  const corrections = useCorrections({ provider: provider.id }, principal.kind === "user");
  const propose = useProposeCorrection();
  const [form, setForm] = useState(() => initialForm(provider));
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState("");
  const noteId = useId();
  const set = (field: keyof ReturnType<typeof initialForm>) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = changedValues(provider, form);
    if (Object.keys(values).length === 0) {
      setProblem("Bitte ändern Sie mindestens eine Angabe.");
      return;
    }
    setProblem("");
    propose.mutate(
      {
        type: "provider_change",
        providerId: provider.id,
        values,
        source: {
          url: form.url || null,
          document: form.document || null,
          evidenceDate: form.evidenceDate,
        },
        note: form.note || null,
      },
      {
        onSuccess: (correction) => {
          setForm(initialForm(provider));
          setMessage(
            `Ihr Vorschlag Nr. ${correction.id} ist eingegangen; die KDN prüft ihn. Bis dahin bleiben die bisherigen Angaben sichtbar.`,
          );
        },
      },
    );
  };
  const items = corrections.data?.items ?? [];
  if (!mayPropose && items.length === 0) return null;
  return (
    <section aria-labelledby="korrekturen-dienstleister">
      <h2 id="korrekturen-dienstleister" className="kern-heading-medium">
        Korrekturen der Angaben zu {provider.shortName}
      </h2>
      {items.length > 0 ? (
        <ul className="kern-list">
          {items.map((correction) => (
            <li key={correction.id}>
              <Link className="kern-link" to={`/korrekturen/${correction.id}`}>
                Nr. {correction.id}: {correction.summary}
              </Link>{" "}
              – {correctionStatusLabel[correction.status]}
            </li>
          ))}
        </ul>
      ) : null}
      {mayPropose ? (
        <form aria-label={`Korrektur für ${provider.shortName} vorschlagen`} onSubmit={submit}>
          <p className="kern-body">
            Stimmt eine Angabe zu {provider.shortName} nicht? Tragen Sie die richtige ein und nennen
            Sie die Quelle. Die KDN prüft den Vorschlag; die bisherige Angabe bleibt mit ihrer
            Quelle im Verlauf erhalten.
          </p>
          <Input label="Name" required value={form.name} onChange={set("name")} />
          <Input
            label="Website"
            value={form.website}
            onChange={set("website")}
            hint="Mit http:// oder https://; leer lassen, wenn es keine gibt."
          />
          <Input label="Rechtsform" value={form.legalForm} onChange={set("legalForm")} />
          <Input label="Sitz" value={form.seat} onChange={set("seat")} />
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
            hint="z. B. Satzung, Handelsregisterauszug, Beschluss mit Datum"
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
            <button
              type="submit"
              className="kern-btn kern-btn--primary"
              disabled={propose.isPending}
            >
              <span className="kern-label">Korrektur vorschlagen</span>
            </button>
          </p>
          <div role="status" className="kern-body">
            {message}
          </div>
          {problem ? (
            <p className="kern-body" role="alert">
              {problem}
            </p>
          ) : null}
          {propose.isError ? (
            <ErrorState error={propose.error} title="Vorschlag nicht gespeichert" />
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
