import { useParams, useSearchParams } from "react-router";
import { ErrorState, LoadingState } from "../../ui/States.tsx";
import { usePageTitle } from "../../ui/usePageTitle.ts";
import { QuestionnaireForm } from "./QuestionnaireForm.tsx";
import { useQuestionnaire, type QuestionnaireSource } from "./surveyQueries.ts";

function Answering({ source }: { source: QuestionnaireSource }) {
  const questionnaire = useQuestionnaire(source);
  const title = questionnaire.data
    ? `Bedarfserhebung: ${questionnaire.data.response.campaignTitle}`
    : "Bedarfserhebung";
  usePageTitle(title);
  return (
    <>
      <h1 className="kern-heading-large" tabIndex={-1}>
        {title}
      </h1>
      {questionnaire.isPending ? <LoadingState label="Fragebogen wird geladen …" /> : null}
      {questionnaire.isError ? <ErrorState error={questionnaire.error} /> : null}
      {questionnaire.data ? (
        <QuestionnaireForm
          key={`${questionnaire.data.response.id}-${questionnaire.data.response.status}`}
          source={source}
          questionnaire={questionnaire.data}
        />
      ) : null}
    </>
  );
}

/** `/erhebung?token=…`: answering through a personal link, without an account. */
export function TokenAnswerPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  if (!token) {
    return (
      <>
        <h1 className="kern-heading-large" tabIndex={-1}>
          Bedarfserhebung
        </h1>
        <p className="kern-body">
          Bitte öffnen Sie die Erhebung über den persönlichen Link, den Sie erhalten haben.
        </p>
      </>
    );
  }
  return <Answering source={{ kind: "token", token }} />;
}

/** `/bedarfserhebung/:campaignId/kommunen/:ags`: answering as the Kommune's signed-in team. */
export function KommuneAnswerPage() {
  const { campaignId = "", ags = "" } = useParams();
  return (
    <Answering
      key={`${campaignId}-${ags}`}
      source={{ kind: "signedIn", campaignId: Number(campaignId), ags }}
    />
  );
}
