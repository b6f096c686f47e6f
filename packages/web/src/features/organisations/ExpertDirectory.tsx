import {
  can,
  canSeeConfidential,
  EXPERT_DIRECTORY_PURPOSE,
  expertRoleLabel,
} from "@it-atlas/domain";
import { useId, useState, type FormEvent } from "react";
import { useDomains } from "../../api/hooks.ts";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import {
  useAddExpert,
  useDeleteExpert,
  useExperts,
  useUpdateExpert,
  type Expert,
  type ExpertChange,
} from "./expertQueries.ts";

type Role = ExpertChange["role"];
const ROLES = Object.entries(expertRoleLabel) as Array<[Role, string]>;

function Input({
  label,
  value,
  onChange,
  type = "text",
  required = true,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel";
  required?: boolean;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
        {required ? "" : " (optional)"}
      </label>
      <input
        id={id}
        className="kern-form-input__input"
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

const EMPTY = {
  role: "it_leitung" as Role,
  domainId: "",
  name: "",
  function: "",
  email: "",
  phone: "",
};

function toForm(expert: Expert): typeof EMPTY {
  return {
    role: expert.role,
    domainId: expert.domainId ?? "",
    name: expert.name,
    function: expert.function,
    email: expert.email,
    phone: expert.phone ?? "",
  };
}

function ExpertForm({
  ags,
  name,
  editing,
  onDone,
}: {
  ags: string;
  name: string;
  editing: Expert | null;
  onDone: () => void;
}) {
  const [form, setForm] = useState(editing ? toForm(editing) : EMPTY);
  const add = useAddExpert(ags);
  const update = useUpdateExpert(ags);
  const save = editing ? update : add;
  const domains = useDomains();
  const roleId = useId();
  const domainId = useId();
  const leaves = (domains.data?.items ?? []).filter((item) => !item.isGroup);
  const set = (field: keyof typeof EMPTY) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ExpertChange = {
      role: form.role,
      domainId: form.role === "fachexpertin" ? form.domainId || null : null,
      name: form.name,
      function: form.function,
      email: form.email,
      phone: form.phone || null,
    };
    const done = () => {
      setForm(EMPTY);
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };
  return (
    <form
      className="atlas-expert-form"
      aria-label={editing ? `Eintrag ${editing.name} ändern` : `Eintrag für ${name} hinzufügen`}
      onSubmit={submit}
    >
      <h3 className="kern-heading-small">
        {editing ? `Eintrag ${editing.name} ändern` : "Eintrag hinzufügen"}
      </h3>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={roleId}>
          Rolle
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={roleId}
            className="kern-form-input__select"
            value={form.role}
            onChange={(event) => set("role")(event.target.value)}
          >
            {ROLES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {form.role === "fachexpertin" ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={domainId}>
            Leistungsbereich
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={domainId}
              className="kern-form-input__select"
              value={form.domainId}
              required
              onChange={(event) => set("domainId")(event.target.value)}
            >
              <option value="">Bitte wählen</option>
              {leaves.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <Input label="Name" value={form.name} onChange={set("name")} autoComplete="off" />
      <Input label="Funktion" value={form.function} onChange={set("function")} />
      <Input label="Dienstliche E-Mail" type="email" value={form.email} onChange={set("email")} />
      <Input
        label="Telefon"
        type="tel"
        required={false}
        value={form.phone}
        onChange={set("phone")}
      />
      <p className="kern-body">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{editing ? "Änderung speichern" : "Hinzufügen"}</span>
        </button>{" "}
        {editing ? (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onDone}>
            <span className="kern-label">Abbrechen</span>
          </button>
        ) : null}
      </p>
      {save.isError ? <ErrorState error={save.error} title="Eintrag nicht gespeichert" /> : null}
    </form>
  );
}

/**
 * The Expertenverzeichnis on a Kommune's page: only for the Kommune's own users, KDN and
 * administrators; its editors add and delete entries. The purpose of the data is stated.
 */
export function ExpertDirectory({ ags, name }: { ags: string; name: string }) {
  const { principal } = usePrincipal();
  const maySee = canSeeConfidential(principal, { organisationKey: ags, providerId: null });
  const mayEdit = can(principal, "experts:edit", { organisationKey: ags });
  const experts = useExperts(ags, maySee);
  const remove = useDeleteExpert(ags);
  const [message, setMessage] = useState("");
  const [editing, setEditing] = useState<Expert | null>(null);
  if (!maySee) return null;
  const items = experts.data?.items ?? [];
  return (
    <section aria-labelledby="experten">
      <h2 id="experten" className="kern-heading-medium">
        Expertenverzeichnis
      </h2>
      <p className="kern-body">{EXPERT_DIRECTORY_PURPOSE}</p>
      {experts.isPending ? <LoadingState /> : null}
      {experts.isError ? <ErrorState error={experts.error} /> : null}
      {experts.data && items.length === 0 ? (
        <EmptyState>Für {name} sind noch keine Ansprechpersonen eingetragen.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <table className="kern-table">
          <caption className="kern-title">Ansprechpersonen von {name}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              {["Rolle", "Name", "Funktion", "E-Mail", "Telefon"].map((column) => (
                <th key={column} scope="col" className="kern-table__header">
                  {column}
                </th>
              ))}
              {mayEdit ? (
                <th scope="col" className="kern-table__header">
                  Aktion
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {items.map((expert) => (
              <tr key={expert.id} className="kern-table__row">
                <td className="kern-table__cell">
                  {expertRoleLabel[expert.role]}
                  {expert.domainName ? ` (${expert.domainName})` : ""}
                </td>
                <th scope="row" className="kern-table__header">
                  {expert.name}
                </th>
                <td className="kern-table__cell">{expert.function}</td>
                <td className="kern-table__cell">
                  <a className="kern-link" href={`mailto:${expert.email}`}>
                    {expert.email}
                  </a>
                </td>
                <td className="kern-table__cell">{expert.phone ?? "–"}</td>
                {mayEdit ? (
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      onClick={() => setEditing(expert)}
                    >
                      <span className="kern-label">Ändern ({expert.name})</span>
                    </button>{" "}
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      disabled={remove.isPending}
                      onClick={() =>
                        remove.mutate(expert.id, {
                          onSuccess: () => setMessage(`Eintrag ${expert.name} gelöscht.`),
                        })
                      }
                    >
                      <span className="kern-label">Löschen ({expert.name})</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div role="status" className="kern-body">
        {message}
      </div>
      {remove.isError ? <ErrorState error={remove.error} title="Löschen fehlgeschlagen" /> : null}
      {mayEdit ? (
        <ExpertForm
          key={editing?.id ?? "neu"}
          ags={ags}
          name={name}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}
