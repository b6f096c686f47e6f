import { questionTypeLabel, targetModelLabel, type QuestionType } from "@it-atlas/domain";
import { useState, type ReactNode } from "react";
import { useDomains, useProviders, useRegions } from "../../api/hooks.ts";
import { OPERATING_MODEL_LABEL } from "../landscape/colouring.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { FieldErrorMessage, FormField } from "../sourcing/FormField.tsx";
import type { FieldError } from "../sourcing/sourcingFormValues.ts";
import { toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import type { CampaignInput, Question } from "./surveyQueries.ts";
import {
  ConditionFields,
  toCondition,
  type DraftCondition,
  type EarlierQuestion,
} from "./ConditionFields.tsx";
import "./survey.css";

type TargetKind = CampaignInput["target"]["kind"];
type Purpose = NonNullable<Question["purpose"]>;

const TARGET_LABEL: Record<TargetKind, string> = {
  all: "Alle Kommunen in NRW",
  regierungsbezirk: "Kommunen eines Regierungsbezirks",
  kreis: "Ein Kreis mit seinen Gemeinden",
  provider: "Mitglieder eines IT-Dienstleisters",
  kommunen: "Ausgewählte Kommunen",
};

const PURPOSE_LABEL: Record<Purpose, string> = {
  current_operating_model: "Heutiges Betriebsmodell (vorbelegt, in die Landkarte übernehmbar)",
  own_staff: "Eigenes IT-Personal (VZÄ)",
  satisfaction: "Zufriedenheit",
  desired_model: "Gewünschtes Betriebsmodell (für die IT-Strategie)",
};

/** A question as edited: options typed one per line. */
interface DraftQuestion extends DraftCondition {
  help: string;
  key: string;
  domainId: string;
  label: string;
  type: QuestionType;
  required: boolean;
  purpose: Purpose | "";
  options: string;
  unit: string;
  rows: string;
  /** Option values kept for standard questions (labels may be edited). */
  optionValues?: Record<string, string>;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "option"
  );
}

/** A new question has no help text and is always shown. */
const PLAIN: Pick<DraftQuestion, "help" | keyof DraftCondition> = {
  help: "",
  conditionKey: "",
  conditionOperator: "equals",
  conditionValue: "",
};

function toDraft(question: Question): DraftQuestion {
  const options = "options" in question ? question.options : [];
  return {
    key: question.key,
    help: question.help ?? "",
    conditionKey: question.condition?.questionKey ?? "",
    conditionOperator: question.condition?.operator ?? "equals",
    conditionValue:
      question.condition?.value === null || question.condition?.value === undefined
        ? ""
        : String(question.condition.value),
    domainId: question.domainId ?? "",
    label: question.label,
    type: question.type,
    required: question.required,
    purpose: question.purpose ?? "",
    options: options.map((option) => option.label).join("\n"),
    optionValues: Object.fromEntries(options.map((option) => [option.label, option.value])),
    unit: question.type === "number" ? question.unit : "",
    rows: question.type === "matrix" ? question.rows.join("\n") : "",
  };
}

/** The options typed one per line, with stable values for standard questions. */
function draftOptions(draft: DraftQuestion): Array<{ value: string; label: string }> {
  return draft.options
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label) => ({ value: draft.optionValues?.[label] ?? slug(label), label }));
}

/** The questions before `index`, as the condition editor offers them. */
function earlierQuestions(questions: readonly DraftQuestion[], index: number): EarlierQuestion[] {
  return questions.slice(0, index).map((question) => ({
    key: question.key,
    label: question.label,
    type: question.type,
    options: ["single_choice", "multiple_choice"].includes(question.type)
      ? draftOptions(question)
      : [],
  }));
}

function toQuestion(draft: DraftQuestion, earlier: readonly EarlierQuestion[]): Question {
  const options = draftOptions(draft);
  const base = {
    key: draft.key,
    domainId: draft.domainId || null,
    label: draft.label,
    help: draft.help.trim() || null,
    required: draft.required,
    condition: toCondition(draft, earlier),
    purpose: draft.purpose || null,
  };
  switch (draft.type) {
    case "single_choice":
    case "multiple_choice":
      return { ...base, type: draft.type, options };
    case "matrix":
      return {
        ...base,
        type: "matrix",
        options,
        rows: draft.rows
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case "number":
      return { ...base, type: "number", unit: draft.unit, min: 0, max: null };
    case "text":
      return { ...base, type: "text", maxLength: 2000 };
    default:
      return { ...base, type: draft.type };
  }
}

function nextKey(questions: readonly DraftQuestion[], stem: string): string {
  const used = new Set(questions.map((question) => question.key));
  let key = stem.slice(0, 56);
  for (let index = 2; used.has(key); index += 1) key = `${stem.slice(0, 56)}-${index}`;
  return key;
}

/** The three standard questions of a Leistungsbereich that feed the landscape and strategy. */
function standardQuestions(domainId: string, existing: readonly DraftQuestion[]): DraftQuestion[] {
  const operating = Object.entries(OPERATING_MODEL_LABEL);
  const target = Object.entries(targetModelLabel);
  const common = { domainId, rows: "", unit: "", ...PLAIN };
  const betrieb = nextKey(existing, `${domainId}-betrieb`);
  const personal = nextKey(existing, `${domainId}-personal`);
  const ziel = nextKey(existing, `${domainId}-ziel`);
  return [
    {
      ...common,
      key: betrieb,
      label: "Wie wird der Leistungsbereich heute betrieben?",
      type: "single_choice",
      required: true,
      purpose: "current_operating_model",
      options: operating.map(([, label]) => label).join("\n"),
      optionValues: Object.fromEntries(operating.map(([value, label]) => [label, value])),
    },
    {
      ...common,
      key: personal,
      label: "Eigenes IT-Personal für diesen Leistungsbereich",
      type: "number",
      unit: "VZÄ",
      required: false,
      purpose: "own_staff",
      options: "",
    },
    {
      ...common,
      key: ziel,
      label: "Gewünschtes künftiges Betriebsmodell",
      type: "single_choice",
      required: false,
      purpose: "desired_model",
      options: target.map(([, label]) => label).join("\n"),
      optionValues: Object.fromEntries(target.map(([value, label]) => [label, value])),
    },
  ];
}

const today = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(new Date());

/**
 * Create or change a campaign in draft: title, period, target group and a simple question-set
 * designer (sections per Leistungsbereich, question types, required flag). Server field
 * messages appear next to the fields and in a summary.
 */
export function CampaignEditor({
  initial,
  kommuneNames,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial?: CampaignInput;
  /** Names of Kommunen chosen one by one (e.g. from the Datenlage), by key. */
  kommuneNames?: Readonly<Record<string, string>>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: CampaignInput) => void;
}) {
  const domains = useDomains();
  const regions = useRegions();
  const providers = useProviders();
  const leaves = (domains.data?.items ?? []).filter((domain) => !domain.isGroup);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [periodStart, setPeriodStart] = useState(initial?.periodStart ?? today());
  const [periodEnd, setPeriodEnd] = useState(initial?.periodEnd ?? "");
  const [targetKind, setTargetKind] = useState<TargetKind>(initial?.target.kind ?? "kreis");
  const [targetKey, setTargetKey] = useState(
    initial && "key" in initial.target ? initial.target.key : "",
  );
  const [targetKeys, setTargetKeys] = useState<string[]>(
    initial?.target.kind === "kommunen" ? initial.target.keys : [],
  );
  const [questions, setQuestions] = useState<DraftQuestion[]>(
    () => initial?.questions?.map(toDraft) ?? [],
  );
  const [section, setSection] = useState("");
  const problem: FormProblem | null = error ? toFormProblem(error) : null;
  const errors: FieldError[] = problem?.errors ?? [];
  const errorOf = (field: string) => errors.find((item) => item.field === field)?.message;
  const questionErrors = (index: number) =>
    errors.filter((item) => item.field.startsWith(`questions.${index}`));

  const fieldId = (field: string) => {
    const match = /^questions\.(\d+)/.exec(field);
    if (match) return `frage-def-${match[1]}-label`;
    if (field.startsWith("target")) return "erhebung-ziel-key";
    return { title: "erhebung-titel", periodStart: "erhebung-beginn", periodEnd: "erhebung-ende" }[
      field
    ];
  };
  const fieldLabel = (field: string) => {
    const match = /^questions\.(\d+)/.exec(field);
    if (match) return `Frage ${Number(match[1]) + 1}`;
    return {
      title: "Titel",
      periodStart: "Beginn",
      periodEnd: "Ende",
      "target.key": "Zielgruppe",
    }[field];
  };

  const update = (index: number, change: Partial<DraftQuestion>) =>
    setQuestions((current) =>
      current.map((question, at) => (at === index ? { ...question, ...change } : question)),
    );

  function submit() {
    const target: CampaignInput["target"] =
      targetKind === "all"
        ? { kind: "all" }
        : targetKind === "kommunen"
          ? { kind: "kommunen", keys: targetKeys }
          : { kind: targetKind, key: targetKey };
    onSubmit({
      title,
      description: description.trim() || null,
      periodStart,
      periodEnd,
      target,
      questions: questions.map((question, index) =>
        toQuestion(question, earlierQuestions(questions, index)),
      ),
    });
  }

  const targetOptions: ReactNode =
    targetKind === "kreis"
      ? (regions.data?.kreise ?? []).map((kreis) => (
          <option key={kreis.key} value={kreis.key}>
            {kreis.name}
          </option>
        ))
      : targetKind === "regierungsbezirk"
        ? (regions.data?.regierungsbezirke ?? []).map((region) => (
            <option key={region.key} value={region.key}>
              {region.name}
            </option>
          ))
        : (providers.data?.items ?? []).map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.shortName}
            </option>
          ));

  return (
    <form
      noValidate
      aria-label="Erhebung"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {problem ? (
        <ErrorSummary
          title={problem.title}
          detail={problem.detail}
          errors={errors}
          fieldId={fieldId}
          fieldLabel={fieldLabel}
        />
      ) : null}
      <FormField id="erhebung-titel" label="Titel" error={errorOf("title")}>
        {(control) => (
          <input
            {...control}
            className="kern-form-input__input"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </FormField>
      <FormField id="erhebung-beschreibung" label="Beschreibung" optional>
        {(control) => (
          <textarea
            {...control}
            className="kern-form-input__input"
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </FormField>
      <div className="atlas-survey-grid">
        <FormField id="erhebung-beginn" label="Beginn" error={errorOf("periodStart")}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="kern-form-input__input"
              value={periodStart}
              onChange={(event) => setPeriodStart(event.target.value)}
            />
          )}
        </FormField>
        <FormField id="erhebung-ende" label="Ende (Frist)" error={errorOf("periodEnd")}>
          {(control) => (
            <input
              {...control}
              type="date"
              className="kern-form-input__input"
              value={periodEnd}
              onChange={(event) => setPeriodEnd(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="atlas-survey-grid">
        <FormField id="erhebung-ziel" label="Zielgruppe">
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={targetKind}
                onChange={(event) => {
                  setTargetKind(event.target.value as TargetKind);
                  setTargetKey("");
                }}
              >
                {(Object.keys(TARGET_LABEL) as TargetKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {TARGET_LABEL[kind]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        {targetKind === "kommunen" ? (
          <div className="kern-form-input" id="erhebung-ziel-key" tabIndex={-1}>
            <p className="kern-label">
              {targetKeys.length === 0
                ? "Keine Kommunen ausgewählt"
                : `${targetKeys.length} ${targetKeys.length === 1 ? "Kommune" : "Kommunen"} ausgewählt`}
            </p>
            {(errorOf("target.keys") ?? errorOf("target")) ? (
              <p className="kern-error" role="alert">
                {errorOf("target.keys") ?? errorOf("target")}
              </p>
            ) : null}
            <ul className="kern-list" aria-label="Ausgewählte Kommunen">
              {targetKeys.map((key) => (
                <li key={key}>
                  {kommuneNames?.[key] ?? key}{" "}
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary kern-btn--small"
                    onClick={() => setTargetKeys((keys) => keys.filter((item) => item !== key))}
                  >
                    <span className="kern-label">
                      Entfernen<span className="kern-sr-only"> ({kommuneNames?.[key] ?? key})</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : targetKind !== "all" ? (
          <FormField
            id="erhebung-ziel-key"
            label={
              targetKind === "kreis"
                ? "Kreis"
                : targetKind === "regierungsbezirk"
                  ? "Regierungsbezirk"
                  : "IT-Dienstleister"
            }
            error={errorOf("target.key") ?? errorOf("target")}
          >
            {(control) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  {...control}
                  className="kern-form-input__select"
                  value={targetKey}
                  onChange={(event) => setTargetKey(event.target.value)}
                >
                  <option value="">Bitte wählen</option>
                  {targetOptions}
                </select>
              </div>
            )}
          </FormField>
        ) : null}
      </div>

      <h2 className="kern-heading-medium">Fragen</h2>
      <p className="kern-body">
        Fragen ohne Leistungsbereich erscheinen unter „Allgemeine Fragen“. Fragen eines
        Leistungsbereichs sehen nur Kommunen, die für ihn zuständig sind.
      </p>
      {errorOf("questions") ? (
        <FieldErrorMessage id="fragen-fehler" message={errorOf("questions") ?? ""} />
      ) : null}
      <div className="atlas-survey-grid">
        <FormField id="erhebung-abschnitt" label="Abschnitt (Leistungsbereich)">
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={section}
                onChange={(event) => setSection(event.target.value)}
              >
                <option value="">Allgemeine Fragen</option>
                {leaves.map((domain) => (
                  <option key={domain.id} value={domain.id}>
                    {domain.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
      </div>
      <div className="atlas-form-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() =>
            setQuestions((current) => [
              ...current,
              {
                ...PLAIN,
                key: nextKey(current, section ? `${section}-frage` : "frage"),
                domainId: section,
                label: "",
                type: "single_choice",
                required: false,
                purpose: "",
                options: "",
                unit: "",
                rows: "",
              },
            ])
          }
        >
          <span className="kern-label">Frage hinzufügen</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={!section}
          onClick={() =>
            setQuestions((current) => [...current, ...standardQuestions(section, current)])
          }
        >
          <span className="kern-label">Standardfragen zum Leistungsbereich hinzufügen</span>
        </button>
      </div>

      {questions.map((question, index) => {
        const base = `frage-def-${index}`;
        const own = questionErrors(index);
        const domain = leaves.find((candidate) => candidate.id === question.domainId);
        return (
          <fieldset key={question.key} className="kern-fieldset atlas-survey-designer-question">
            <legend className="kern-label">
              Frage {index + 1} · {domain?.name ?? "Allgemeine Fragen"}
            </legend>
            {own.map((item) => (
              <FieldErrorMessage
                key={item.field}
                id={`${base}-${item.field}`}
                message={item.message}
              />
            ))}
            <FormField id={`${base}-label`} label="Fragetext">
              {(control) => (
                <input
                  {...control}
                  className="kern-form-input__input"
                  value={question.label}
                  onChange={(event) => update(index, { label: event.target.value })}
                />
              )}
            </FormField>
            <div className="atlas-survey-grid">
              <FormField id={`${base}-typ`} label="Fragetyp">
                {(control) => (
                  <div className="kern-form-input__select-wrapper">
                    <select
                      {...control}
                      className="kern-form-input__select"
                      value={question.type}
                      onChange={(event) =>
                        update(index, { type: event.target.value as QuestionType })
                      }
                    >
                      {(Object.keys(questionTypeLabel) as QuestionType[]).map((type) => (
                        <option key={type} value={type}>
                          {questionTypeLabel[type]}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </FormField>
              <FormField id={`${base}-zweck`} label="Verwendung" optional>
                {(control) => (
                  <div className="kern-form-input__select-wrapper">
                    <select
                      {...control}
                      className="kern-form-input__select"
                      value={question.purpose}
                      onChange={(event) =>
                        update(index, { purpose: event.target.value as Purpose | "" })
                      }
                    >
                      <option value="">Keine besondere</option>
                      {(Object.keys(PURPOSE_LABEL) as Purpose[]).map((purpose) => (
                        <option key={purpose} value={purpose}>
                          {PURPOSE_LABEL[purpose]}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </FormField>
            </div>
            {["single_choice", "multiple_choice", "matrix"].includes(question.type) ? (
              <FormField id={`${base}-optionen`} label="Antwortmöglichkeiten (eine je Zeile)">
                {(control) => (
                  <textarea
                    {...control}
                    className="kern-form-input__input"
                    rows={4}
                    value={question.options}
                    onChange={(event) => update(index, { options: event.target.value })}
                  />
                )}
              </FormField>
            ) : null}
            {question.type === "matrix" ? (
              <FormField
                id={`${base}-zeilen`}
                label="Zeilen: Kennungen der Leistungsbereiche (eine je Zeile)"
              >
                {(control) => (
                  <textarea
                    {...control}
                    className="kern-form-input__input"
                    rows={3}
                    value={question.rows}
                    onChange={(event) => update(index, { rows: event.target.value })}
                  />
                )}
              </FormField>
            ) : null}
            {question.type === "number" ? (
              <FormField id={`${base}-einheit`} label="Einheit">
                {(control) => (
                  <input
                    {...control}
                    className="kern-form-input__input"
                    value={question.unit}
                    onChange={(event) => update(index, { unit: event.target.value })}
                  />
                )}
              </FormField>
            ) : null}
            <FormField id={`${base}-hilfe`} label="Hilfetext" optional>
              {(control) => (
                <textarea
                  {...control}
                  className="kern-form-input__input"
                  rows={2}
                  value={question.help}
                  onChange={(event) => update(index, { help: event.target.value })}
                />
              )}
            </FormField>
            {index > 0 ? (
              <ConditionFields
                idPrefix={base}
                draft={question}
                earlier={earlierQuestions(questions, index)}
                onChange={(change) => update(index, change)}
              />
            ) : null}
            <div className="kern-form-check">
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={`${base}-pflicht`}
                checked={question.required}
                onChange={(event) => update(index, { required: event.target.checked })}
              />
              <label className="kern-label" htmlFor={`${base}-pflicht`}>
                Pflichtfrage
              </label>
            </div>
            <div className="atlas-form-actions">
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--small"
                disabled={index === 0}
                onClick={() =>
                  setQuestions((current) => {
                    const next = [...current];
                    const [moved] = next.splice(index, 1);
                    if (moved) next.splice(index - 1, 0, moved);
                    return next;
                  })
                }
              >
                <span className="kern-label">
                  Nach oben<span className="kern-sr-only"> (Frage {index + 1})</span>
                </span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--small"
                onClick={() => setQuestions((current) => current.filter((_q, at) => at !== index))}
              >
                <span className="kern-label">
                  Entfernen<span className="kern-sr-only"> (Frage {index + 1})</span>
                </span>
              </button>
            </div>
          </fieldset>
        );
      })}

      <div className="atlas-form-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">{submitLabel}</span>
        </button>
      </div>
    </form>
  );
}
