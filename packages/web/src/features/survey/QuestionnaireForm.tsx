import { visibleQuestionKeys } from "@it-atlas/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useDomains } from "../../api/hooks.ts";
import { formatDateTime, formatIsoDate } from "../../ui/format.ts";
import { ErrorSummary } from "../sourcing/ErrorSummary.tsx";
import { ModalDialog } from "../sourcing/ModalDialog.tsx";
import { parseGermanNumber } from "../sourcing/parseGermanNumber.ts";
import { toFormProblem, type FormProblem } from "../sourcing/toFormProblem.ts";
import { describeAnswer, QuestionField, questionFieldId } from "./QuestionField.tsx";
import { SectionDelegation } from "./SectionDelegation.tsx";
import { SectionOzgLeistungen } from "./SectionOzgLeistungen.tsx";
import {
  postComment,
  questionnaireKey,
  RESPONSE_STATUS_LABEL,
  saveAnswers,
  submitAnswers,
  type Answers,
  type Question,
  type Questionnaire,
  type QuestionnaireSource,
} from "./surveyQueries.ts";
import { autosaveText, useAutosave } from "./useAutosave.ts";
import "./survey.css";

/** Domain names for section headings (the catalogue is public). */
export function useDomainName(): (id: string) => string {
  const domains = useDomains();
  return useMemo(() => {
    const names = new Map((domains.data?.items ?? []).map((domain) => [domain.id, domain.name]));
    return (id: string) => names.get(id) ?? id;
  }, [domains.data]);
}

function initialTexts(questions: readonly Question[], answers: Answers): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const question of questions) {
    const value = answers[question.key];
    if ((question.type === "number" || question.type === "amount") && typeof value === "number")
      texts[question.key] = value.toLocaleString("de-DE", { useGrouping: false });
  }
  return texts;
}

/** Questions grouped into sections: general questions first, then one per Leistungsbereich. */
export function sectionsOf(questions: readonly Question[]) {
  const sections = new Map<string | null, Question[]>();
  for (const question of questions) {
    const list = sections.get(question.domainId) ?? [];
    list.push(question);
    sections.set(question.domainId, list);
  }
  return [...sections.entries()];
}

/**
 * The questionnaire of one Kommune: sections, only the questions that apply (from the API,
 * conditions evaluated as answers change), landscape values to confirm, autosave with a
 * status line, server field errors with a summary, comments and submitting with confirmation.
 */
export function QuestionnaireForm({
  source,
  questionnaire,
}: {
  source: QuestionnaireSource;
  questionnaire: Questionnaire;
}) {
  const queryClient = useQueryClient();
  const domainName = useDomainName();
  const { response, questions, prefill } = questionnaire;
  const [answers, setAnswers] = useState<Answers>(questionnaire.answers);
  const [texts, setTexts] = useState(() => initialTexts(questions, questionnaire.answers));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Numbers that cannot be read yet: reported when the field is left, not while typing.
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<FormProblem | null>(null);
  const autosave = useAutosave((changes) => saveAnswers(source, changes));
  const editable = response.editable;

  const submit = useMutation({
    mutationFn: () => submitAnswers(source),
    onSuccess: () => {
      setSubmitProblem(null);
      void queryClient.invalidateQueries({ queryKey: questionnaireKey(source) });
    },
    onError: (error) => {
      const problem = toFormProblem(error);
      setSubmitProblem(problem);
      autosave.setErrors(problem.errors);
    },
  });

  const visible = visibleQuestionKeys(questions, answers);
  const shown = questions.filter((question) => visible.has(question.key));
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const fieldErrors = [
    ...Object.entries(localErrors).map(([field, message]) => ({ field, message })),
    ...autosave.errors.filter((error) => !(error.field in localErrors)),
  ];
  const errorOf = (key: string) => fieldErrors.find((error) => error.field === key)?.message;

  function change(key: string, value: unknown) {
    setAnswers((current) => ({ ...current, [key]: value }));
    setLocalErrors(({ [key]: _removed, ...rest }) => rest);
    setSubmitProblem(null);
    autosave.change(key, value);
  }

  function changeText(question: Question, text: string) {
    setTexts((current) => ({ ...current, [question.key]: text }));
    const parsed = parseGermanNumber(text);
    if (parsed.kind === "invalid") {
      setUnreadable((current) => ({
        ...current,
        [question.key]:
          question.type === "amount"
            ? "Bitte geben Sie einen Betrag in Euro an, z. B. 1.234,50."
            : "Bitte geben Sie eine Zahl an, z. B. 2,5.",
      }));
      return;
    }
    setUnreadable(({ [question.key]: _removed, ...rest }) => rest);
    change(question.key, parsed.kind === "number" ? parsed.value : null);
  }

  async function askToSubmit() {
    await autosave.flush();
    setConfirming(true);
  }

  const showSummary = submitProblem !== null || fieldErrors.length > 0;

  return (
    <div className="atlas-survey">
      <dl className="atlas-survey-facts">
        <div>
          <dt>Kommune</dt>
          <dd>{response.organisation.name}</dd>
        </div>
        <div>
          <dt>Frist</dt>
          <dd>{formatIsoDate(response.periodEnd)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{RESPONSE_STATUS_LABEL[response.status]}</dd>
        </div>
      </dl>
      {response.status === "returned" && response.reviewComment ? (
        <div className="kern-alert kern-alert--warning" role="note">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">Zurückgegeben mit Kommentar</span>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{response.reviewComment}</p>
          </div>
        </div>
      ) : null}
      {!editable ? (
        <div className="kern-alert kern-alert--info" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <span className="kern-title">
              {response.status === "submitted"
                ? "Ihre Antworten wurden eingereicht. Vielen Dank!"
                : "Die Antworten können nicht mehr geändert werden."}
            </span>
          </div>
        </div>
      ) : null}

      {editable ? (
        <p className="kern-body atlas-survey-status" role="status" aria-live="polite">
          {autosaveText(autosave.state)}
        </p>
      ) : null}

      {showSummary ? (
        <ErrorSummary
          title={submitProblem?.title ?? "Bitte prüfen Sie Ihre Angaben"}
          {...(submitProblem ? { detail: submitProblem.detail } : {})}
          errors={fieldErrors}
          fieldId={(field) => (byKey.has(field) ? questionFieldId(field) : undefined)}
          fieldLabel={(field) => byKey.get(field)?.label}
        />
      ) : null}

      <form
        noValidate
        aria-label="Fragebogen"
        onSubmit={(event) => {
          event.preventDefault();
          void askToSubmit();
        }}
      >
        {sectionsOf(shown).map(([domainId, sectionQuestions]) => (
          <section
            key={domainId ?? "allgemein"}
            className="atlas-survey-section"
            aria-labelledby={`abschnitt-${domainId ?? "allgemein"}`}
          >
            <h2 id={`abschnitt-${domainId ?? "allgemein"}`} className="kern-heading-medium">
              {domainId ? domainName(domainId) : "Allgemeine Fragen"}
            </h2>
            <SectionDelegation
              source={source}
              section={domainId ?? ""}
              sectionName={domainId ? domainName(domainId) : "Allgemeine Fragen"}
              delegate={
                questionnaire.delegations.find((item) => item.section === (domainId ?? ""))
                  ?.delegate ?? null
              }
              mayDelegate={editable && source.kind === "signedIn"}
            />
            {domainId ? (
              <SectionOzgLeistungen
                sectionName={domainName(domainId)}
                items={
                  questionnaire.ozgLeistungen.find((item) => item.domainId === domainId)?.items ??
                  []
                }
              />
            ) : null}
            {sectionQuestions.map((question) => {
              const saved = answers[question.key];
              const suggested = prefill[question.key];
              const unconfirmed =
                editable &&
                (saved === undefined || saved === null) &&
                suggested !== undefined &&
                suggested !== null;
              return (
                <div key={question.key} className="atlas-survey-item">
                  <QuestionField
                    question={question}
                    value={unconfirmed ? suggested : saved}
                    text={texts[question.key] ?? ""}
                    error={errorOf(question.key)}
                    disabled={!editable}
                    domainName={domainName}
                    hint={
                      unconfirmed
                        ? `Aus der IT-Landkarte vorbelegt: ${describeAnswer(question, suggested, domainName)}${
                            questionnaire.prefillDemo.includes(question.key)
                              ? " (Demodaten (synthetisch) – keine Angabe Ihrer Kommune)"
                              : ""
                          }. Bitte bestätigen oder ändern.`
                        : undefined
                    }
                    onChange={(value) => change(question.key, value)}
                    onText={(text) => changeText(question, text)}
                    onTextBlur={() => {
                      const message = unreadable[question.key];
                      if (message)
                        setLocalErrors((current) => ({ ...current, [question.key]: message }));
                    }}
                  />
                  {unconfirmed ? (
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      onClick={() => change(question.key, suggested)}
                    >
                      <span className="kern-label">
                        Wert bestätigen<span className="kern-sr-only"> ({question.label})</span>
                      </span>
                    </button>
                  ) : null}
                </div>
              );
            })}
          </section>
        ))}
        {editable ? (
          <div className="atlas-form-actions">
            <button
              type="submit"
              className="kern-btn kern-btn--primary"
              disabled={submit.isPending}
            >
              <span className="kern-label">Absenden</span>
            </button>
          </div>
        ) : null}
      </form>

      {submit.isSuccess ? (
        <p className="kern-body" role="status">
          Ihre Antworten wurden eingereicht.
        </p>
      ) : null}

      <Comments source={source} questionnaire={questionnaire} />

      {confirming ? (
        <ModalDialog title="Antworten absenden?" onClose={() => setConfirming(false)}>
          <p className="kern-body">
            Nach dem Absenden können Sie die Antworten nicht mehr ändern, bis die KDN sie
            gegebenenfalls zurückgibt.
          </p>
          <div className="atlas-form-actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              onClick={() => {
                setConfirming(false);
                submit.mutate();
              }}
            >
              <span className="kern-label">Jetzt absenden</span>
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
    </div>
  );
}

function Comments({
  source,
  questionnaire,
}: {
  source: QuestionnaireSource;
  questionnaire: Questionnaire;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [body, setBody] = useState("");
  const send = useMutation({
    mutationFn: () => postComment(source, { questionKey: null, body }),
    onSuccess: () => {
      setBody("");
      void queryClient.invalidateQueries({ queryKey: questionnaireKey(source) });
    },
  });
  const problem = send.isError ? toFormProblem(send.error) : null;
  return (
    <section aria-labelledby={`${id}-titel`} className="atlas-survey-section">
      <h2 id={`${id}-titel`} className="kern-heading-medium">
        Kommentare
      </h2>
      {questionnaire.comments.length === 0 ? (
        <p className="kern-body">Noch keine Kommentare.</p>
      ) : (
        <ul className="kern-list">
          {questionnaire.comments.map((comment) => (
            <li key={comment.id}>
              <span className="kern-body kern-body--bold">{comment.author}</span> (
              {formatDateTime(comment.createdAt)}
              ): {comment.body}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <div className={`kern-form-input${problem ? " kern-form-input--error" : ""}`}>
          <label className="kern-label" htmlFor={`${id}-text`}>
            Kommentar an die KDN
          </label>
          {problem ? (
            <p className="kern-error" id={`${id}-error`}>
              <span className="kern-body">{problem.errors[0]?.message ?? problem.detail}</span>
            </p>
          ) : null}
          <textarea
            id={`${id}-text`}
            className="kern-form-input__input"
            rows={3}
            value={body}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(event) => setBody(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="kern-btn kern-btn--secondary"
          disabled={send.isPending || body.trim() === ""}
        >
          <span className="kern-label">Kommentar senden</span>
        </button>
      </form>
    </section>
  );
}
