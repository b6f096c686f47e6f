import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap, type Schemas } from "../../api/client.ts";

/** A campaign with its question set. */
export type Campaign = Schemas["Campaign"];
/** What an analyst enters for a campaign. */
export type CampaignInput = Schemas["CampaignDefinitionInput"];
/** One question definition. */
export type Question = Schemas["SurveyQuestion"];
/** A Kommune's questionnaire (questions that apply to it, answers, landscape prefill). */
export type Questionnaire = Schemas["SurveyQuestionnaire"];
/** Answers by question key. */
export type Answers = Record<string, unknown>;
/** State of a Kommune's response. */
export type ResponseStatus = Questionnaire["response"]["status"];

/** State of a Kommune in the progress view: a draft nobody has saved an answer to is not started. */
export type ProgressState = ResponseStatus | "not_started";

type Counts = Record<ProgressState, number>;

/** Progress of a running campaign as the server reports it. */
export interface CampaignProgress {
  campaignId: number;
  periodEnd: string;
  total: number;
  counts: Counts;
  organisations: Array<{ key: string; name: string; kind: string; status: ProgressState }>;
  byKreis: Array<{ key: string; counts: Counts }>;
  byRegierungsbezirk: Array<{ key: string; counts: Counts }>;
  reminders: Array<{
    key: string;
    name: string;
    status: ProgressState;
    /** null while nobody has saved an answer. */
    lastChange: string | null;
    overdue: boolean;
  }>;
}

/** One group of a per-question aggregate. */
export interface Distribution {
  group: string;
  kommunen: number;
  suppressed: boolean;
  counts: Record<string, number>;
}

/** Per-question aggregates of submitted and accepted answers. */
export interface CampaignResults {
  campaignId: number;
  title: string;
  questions: Array<{
    key: string;
    label: string;
    type: string;
    answered: number;
    total: Distribution | null;
    bySizeClass: Distribution[];
    byProvider: Distribution[];
  }>;
}

/** German labels of response states. */
export const RESPONSE_STATUS_LABEL: Record<ResponseStatus, string> = {
  draft: "In Bearbeitung",
  submitted: "Eingereicht",
  accepted: "Angenommen",
  returned: "Zurückgegeben",
};

/** German labels of progress states. */
export const PROGRESS_STATE_LABEL: Record<ProgressState, string> = {
  not_started: "Nicht begonnen",
  ...RESPONSE_STATUS_LABEL,
};

/** German labels of campaign states. */
export const CAMPAIGN_STATUS_LABEL: Record<Campaign["status"], string> = {
  draft: "Entwurf",
  running: "Läuft",
  closed: "Abgeschlossen",
};

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ["campaigns"],
    queryFn: async () => unwrap(await api.GET("/api/campaigns")),
    enabled,
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: ["campaign", id],
    queryFn: async () => unwrap(await api.GET("/api/campaigns/{id}", { params: { path: { id } } })),
  });
}

export function useCampaignProgress(id: number, enabled = true) {
  return useQuery({
    queryKey: ["campaign", id, "progress"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{id}/progress", { params: { path: { id } } }),
      ) as CampaignProgress,
    enabled,
  });
}

export function useCampaignResults(id: number, enabled = true) {
  return useQuery({
    queryKey: ["campaign", id, "results"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/campaigns/{id}/results", { params: { path: { id } } }),
      ) as CampaignResults,
    enabled,
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CampaignInput) => unwrap(await api.POST("/api/campaigns", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

export function useUpdateCampaign(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CampaignInput) =>
      unwrap(await api.PUT("/api/campaigns/{id}", { params: { path: { id } }, body })),
    onSuccess: (campaign) => {
      queryClient.setQueryData(["campaign", id], campaign);
      void queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    },
  });
}

export function useStartCampaign(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/campaigns/{id}/start", { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["campaign", id] });
      void queryClient.invalidateQueries({ queryKey: ["campaigns"] });
    },
  });
}

export function useCreateSurveyLink(id: number) {
  return useMutation({
    mutationFn: async ({
      ags,
      label,
      validDays,
    }: {
      ags: string;
      label: string;
      validDays: number;
    }) =>
      unwrap(
        await api.POST("/api/campaigns/{id}/responses/{ags}/tokens", {
          params: { path: { id, ags } },
          body: { label, validDays },
        }),
      ),
  });
}

/**
 * Where a questionnaire comes from: a personal link (secret in the x-survey-token header) or
 * the signed-in person's own Kommune (campaign and AGS in the path).
 */
export type QuestionnaireSource =
  { kind: "token"; token: string } | { kind: "signedIn"; campaignId: number; ags: string };

export function questionnaireKey(source: QuestionnaireSource) {
  return source.kind === "token"
    ? (["questionnaire", "token", source.token] as const)
    : (["questionnaire", source.campaignId, source.ags] as const);
}

const tokenHeaders = (token: string) => ({ "x-survey-token": token });

export function useQuestionnaire(source: QuestionnaireSource) {
  return useQuery({
    queryKey: questionnaireKey(source),
    queryFn: async () =>
      source.kind === "token"
        ? unwrap(await api.GET("/api/survey/token", { headers: tokenHeaders(source.token) }))
        : unwrap(
            await api.GET("/api/campaigns/{id}/responses/{ags}", {
              params: { path: { id: source.campaignId, ags: source.ags } },
            }),
          ),
    // Autosave keeps the local answers; a refetch must not overwrite what is being typed.
    refetchOnWindowFocus: false,
  });
}

/** Saves draft answers (autosave). */
export async function saveAnswers(source: QuestionnaireSource, answers: Answers) {
  return source.kind === "token"
    ? unwrap(
        await api.PUT("/api/survey/token/answers", {
          headers: tokenHeaders(source.token),
          body: { answers },
        }),
      )
    : unwrap(
        await api.PUT("/api/campaigns/{id}/responses/{ags}/answers", {
          params: { path: { id: source.campaignId, ags: source.ags } },
          body: { answers },
        }),
      );
}

export async function submitAnswers(source: QuestionnaireSource) {
  return source.kind === "token"
    ? unwrap(await api.POST("/api/survey/token/submit", { headers: tokenHeaders(source.token) }))
    : unwrap(
        await api.POST("/api/campaigns/{id}/responses/{ags}/submit", {
          params: { path: { id: source.campaignId, ags: source.ags } },
        }),
      );
}

export async function postComment(
  source: QuestionnaireSource,
  body: { questionKey: string | null; body: string },
) {
  const result =
    source.kind === "token"
      ? await api.POST("/api/survey/token/comments", {
          headers: tokenHeaders(source.token),
          body,
        })
      : await api.POST("/api/campaigns/{id}/responses/{ags}/comments", {
          params: { path: { id: source.campaignId, ags: source.ags } },
          body,
        });
  ensureOk(result);
}

export function useReview(campaignId: number, ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { decision: "accept" | "return"; comment: string | null }) =>
      unwrap(
        await api.POST("/api/campaigns/{id}/responses/{ags}/review", {
          params: { path: { id: campaignId, ags } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["questionnaire", campaignId, ags] });
      void queryClient.invalidateQueries({ queryKey: ["campaign", campaignId, "progress"] });
    },
  });
}

export function useApplyResponse(campaignId: number, ags: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/campaigns/{id}/responses/{ags}/apply", {
          params: { path: { id: campaignId, ags } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["questionnaire", campaignId, ags] });
      void queryClient.invalidateQueries({ queryKey: ["landscape"] });
    },
  });
}

/** The campaigns a Kommune takes part in (running or closed). */
export function useOwnSurveys(ags: string | null) {
  return useQuery({
    queryKey: ["survey-responses", ags],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/organisations/{ags}/survey-responses", {
          params: { path: { ags: ags ?? "" } },
        }),
      ),
    enabled: ags !== null,
  });
}
