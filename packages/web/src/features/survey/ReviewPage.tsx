import { can } from "@it-atlas/domain";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../ui/format.ts";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { AccessNotice } from "../auth/AccessNotice.tsx";
import { usePrincipal } from "../auth/usePrincipal.ts";
import { FieldErrorMessage } from "../sourcing/FormField.tsx";
import { toFormProblem } from "../sourcing/toFormProblem.ts";
import { describeAnswer } from "./QuestionField.tsx";
import { sectionsOf, useDomainName } from "./QuestionnaireForm.tsx";
import {
  RESPONSE_STATUS_LABEL,
  useApplyResponse,
  useQuestionnaire,
  useReview,
  type Questionnaire,
} from "./surveyQueries.ts";
import "./survey.css";

/** `/bedarfserhebung/:campaignId/pruefung/:ags`: an analyst reviews one Kommune's answers. */
export function ReviewPage() {
  const { campaignId = "", ags = "" } = useParams();
  const id = Number(campaignId);
  const { principal, isPending } = usePrincipal();
  const allowed = can(principal, "campaign:manage");
  const questionnaire = useQuestionnaire({ kind: "signedIn", campaignId: id, ags });
  const name = questionnaire.data?.response.organisation.name ?? ags;
  usePageTitle(`Antworten prüfen: ${name}`);
  return (
    <>
      <p className="kern-body">
        <Link className="kern-link" to={`/bedarfserhebung/${id}`}>
          Zurück zur Erhebung
        </Link>
      </p>
      <h1 className="kern-heading-large" tabIndex={-1}>
        Antworten prüfen: {name}
      </h1>
      {!isPending && !allowed ? (
        <AccessNotice principal={principal} who="Analystinnen und Analysten der KDN" />
      ) : questionnaire.isPending ? (
        <LoadingState />
      ) : questionnaire.isError ? (
        <ErrorState error={questionnaire.error} />
      ) : (
        <ReviewContent campaignId={id} ags={ags} questionnaire={questionnaire.data} />
      )}
    </>
  );
}

function ReviewContent({
  campaignId,
  ags,
  questionnaire,
}: {
  campaignId: number;
  ags: string;
  questionnaire: Questionnaire;
}) {
  const domainName = useDomainName();
  const formId = useId();
  const { response, questions, answers } = questionnaire;
  const review = useReview(campaignId, ags);
  const apply = useApplyResponse(campaignId, ags);
  const [comment, setComment] = useState("");
  const reviewProblem = review.isError ? toFormProblem(review.error) : null;
  const applyProblem = apply.isError ? toFormProblem(apply.error) : null;

  return (
    <>
      <p className="kern-body">
        Erhebung „{response.campaignTitle}“ · Status:{" "}
        <strong>{RESPONSE_STATUS_LABEL[response.status]}</strong>
        {response.submittedAt ? ` · eingereicht am ${formatDateTime(response.submittedAt)}` : ""}
      </p>
      {sectionsOf(questions).map(([domainId, sectionQuestions]) => (
        <section key={domainId ?? "allgemein"} className="atlas-survey-section">
          <h2 className="kern-heading-medium">
            {domainId ? domainName(domainId) : "Allgemeine Fragen"}
          </h2>
          <dl className="atlas-review-answers">
            {sectionQuestions.map((question) => (
              <div key={question.key}>
                <dt className="kern-body kern-body--bold">{question.label}</dt>
                <dd className="kern-body">
                  {describeAnswer(question, answers[question.key], domainName)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {questionnaire.comments.length > 0 ? (
        <section className="atlas-survey-section">
          <h2 className="kern-heading-medium">Kommentare</h2>
          <ul className="kern-list">
            {questionnaire.comments.map((item) => (
              <li key={item.id}>
                <strong>{item.author}</strong>: {item.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="atlas-survey-section" aria-labelledby={`${formId}-titel`}>
        <h2 id={`${formId}-titel`} className="kern-heading-medium">
          Entscheidung
        </h2>
        {response.status === "submitted" ? (
          <form onSubmit={(event) => event.preventDefault()}>
            <div className={`kern-form-input${reviewProblem ? " kern-form-input--error" : ""}`}>
              <label className="kern-label" htmlFor={`${formId}-kommentar`}>
                Kommentar an die Kommune
                <span className="kern-label__optional"> – Pflicht beim Zurückgeben</span>
              </label>
              {reviewProblem ? (
                <FieldErrorMessage id={`${formId}-fehler`} message={reviewProblem.detail} />
              ) : null}
              <textarea
                id={`${formId}-kommentar`}
                className="kern-form-input__input"
                rows={3}
                value={comment}
                aria-invalid={reviewProblem ? true : undefined}
                aria-describedby={reviewProblem ? `${formId}-fehler` : undefined}
                onChange={(event) => setComment(event.target.value)}
              />
            </div>
            <div className="atlas-form-actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                disabled={review.isPending}
                onClick={() =>
                  review.mutate({ decision: "accept", comment: comment.trim() || null })
                }
              >
                <span className="kern-label">Annehmen</span>
              </button>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                disabled={review.isPending}
                onClick={() =>
                  review.mutate({ decision: "return", comment: comment.trim() || null })
                }
              >
                <span className="kern-label">Mit Kommentar zurückgeben</span>
              </button>
            </div>
          </form>
        ) : (
          <p className="kern-body">
            {response.status === "accepted"
              ? "Die Antworten sind angenommen."
              : response.status === "returned"
                ? "Die Antworten wurden zur Überarbeitung zurückgegeben."
                : "Die Kommune hat noch nicht eingereicht."}
          </p>
        )}
        <p className="kern-body" role="status">
          {review.isSuccess
            ? review.data.status === "accepted"
              ? "Angenommen."
              : "Zurückgegeben."
            : null}
        </p>
      </section>

      {response.status === "accepted" ? (
        <section className="atlas-survey-section" aria-labelledby={`${formId}-landkarte`}>
          <h2 id={`${formId}-landkarte`} className="kern-heading-medium">
            IT-Landkarte
          </h2>
          <p className="kern-body">
            {response.appliedAt
              ? `Bereits übernommen am ${formatDateTime(response.appliedAt)}.`
              : "Die angenommenen Angaben zum Betrieb können in die IT-Landkarte übernommen werden (Herkunft: Bedarfserhebung)."}
          </p>
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={apply.isPending}
            onClick={() => apply.mutate()}
          >
            <span className="kern-label">In die Landkarte übernehmen</span>
          </button>
          <div role="status">
            {apply.data ? (
              <div className="kern-alert kern-alert--success">
                <div className="kern-alert__header">
                  <span className="kern-icon kern-icon--success" aria-hidden="true" />
                  <span className="kern-title">
                    {apply.data.applied.length} Leistungsbereich(e) übernommen,{" "}
                    {apply.data.skipped.length} übersprungen
                  </span>
                </div>
                <div className="kern-alert__body">
                  {apply.data.applied.length > 0 ? (
                    <p className="kern-body">
                      Übernommen: {apply.data.applied.map(domainName).join(", ")}
                    </p>
                  ) : null}
                  {apply.data.skipped.length > 0 ? (
                    <ul className="kern-list">
                      {apply.data.skipped.map((item) => (
                        <li key={item.domainId}>
                          {domainName(item.domainId)}: {item.reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
            ) : null}
          </div>
          {applyProblem ? <ErrorState error={apply.error} title="Nicht übernommen" /> : null}
        </section>
      ) : null}
    </>
  );
}
