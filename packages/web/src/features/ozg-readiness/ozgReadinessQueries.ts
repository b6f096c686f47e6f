import type { BaseComponent } from "@it-atlas/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../api/client.ts";
import type { paths } from "../../api/schema.gen.ts";

/** Filters of the readiness board (as the API names them; the board pages itself). */
export type ReadinessQuery = Omit<
  NonNullable<paths["/api/ozg/readiness"]["get"]["parameters"]["query"]>,
  "page" | "pageSize"
>;

/** Rows per request; the board needs every Kommune of the selection (map and table). */
const READINESS_PAGE_SIZE = 500;
/** Body of an adoption change, as the generated client types it. */
export type AdoptionChange = Schemas["AdoptionChangeInput"];
/** Body of a checklist change. */
export type OnboardingChange = Schemas["OnboardingChangeInput"];

// Every query that shows adoption; a change refreshes all of them.
const OZG_KEYS = [
  "ozg-readiness",
  "ozg-services-readiness",
  "ozg-kommune",
  "ozg-adoption-history",
] as const;

/**
 * The readiness board: Kommunen, regions and (with `dienst`) one service's status. The rows
 * are paged by the API; the board reads every page (one request for NRW's 427 Kommunen).
 */
export function useReadiness(query: ReadinessQuery) {
  return useQuery({
    queryKey: ["ozg-readiness", query],
    queryFn: async () => {
      const read = async (page: number) =>
        unwrap(
          await api.GET("/api/ozg/readiness", {
            params: { query: { ...query, page, pageSize: READINESS_PAGE_SIZE } },
          }),
        );
      const first = await read(1);
      const rows = [...first.rows];
      for (let page = 2; rows.length < first.rowCount; page += 1) {
        const next = await read(page);
        if (next.rows.length === 0) break;
        rows.push(...next.rows);
      }
      return { ...first, rows };
    },
    placeholderData: keepPreviousData,
  });
}

/** Every central and EfA service with Kommunen per status, within a region. */
export function useServicesReadiness(
  query: Pick<ReadinessQuery, "regierungsbezirk" | "kreis" | "groesse">,
) {
  return useQuery({
    queryKey: ["ozg-services-readiness", query],
    queryFn: async () =>
      unwrap(await api.GET("/api/ozg/readiness/services", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The catalogue of online services and base components. */
export function useOnlineServices() {
  return useQuery({
    queryKey: ["ozg-online-services"],
    queryFn: async () => unwrap(await api.GET("/api/ozg/online-services")),
    staleTime: 60_000,
  });
}

/** A Kommune's OZG picture. */
export function useKommuneOzg(ags: string) {
  return useQuery({
    queryKey: ["ozg-kommune", ags],
    queryFn: async () =>
      unwrap(await api.GET("/api/ozg/kommunen/{ags}", { params: { path: { ags } } })),
  });
}

/** The documented responsibility rule. */
export function useResponsibilityRules() {
  return useQuery({
    queryKey: ["ozg-rules"],
    queryFn: async () => unwrap(await api.GET("/api/ozg/responsibility-rules")),
    staleTime: 60_000,
  });
}

function useRefreshOzg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(OZG_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/** Saves a Kommune's status for one OZG-Leistung and refreshes board and Kommune view. */
export function useSaveAdoption(ags: string, ozgId: number) {
  const refresh = useRefreshOzg();
  return useMutation({
    mutationFn: async (change: AdoptionChange) =>
      unwrap(
        await api.PUT("/api/ozg/kommunen/{ags}/leistungen/{ozgId}", {
          params: { path: { ags, ozgId } },
          body: change,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Saves one item of a Kommune's onboarding checklist. */
export function useSaveOnboarding(ags: string, component: BaseComponent) {
  const refresh = useRefreshOzg();
  return useMutation({
    mutationFn: async (change: OnboardingChange) =>
      unwrap(
        await api.PUT("/api/ozg/kommunen/{ags}/checkliste/{component}", {
          params: { path: { ags, component } },
          body: change,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Checks (preview) or commits an adoption import file. */
export function useAdoptionImport() {
  const refresh = useRefreshOzg();
  return useMutation({
    mutationFn: async ({
      file,
      commit,
    }: {
      file: { fileName: string; content: string };
      commit: boolean;
    }) =>
      unwrap(
        commit
          ? await api.POST("/api/ozg/adoption/import", { body: file })
          : await api.POST("/api/ozg/adoption/import/preview", { body: file }),
      ),
    onSuccess: (result) => (result.committed ? refresh() : undefined),
  });
}

/** Changes the rule of one LeiKa-Typ ("2-3" for 2/3); administrators only. */
export function useSaveLeikaTypeRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      leikaType,
      change,
    }: {
      leikaType: "1" | "2-3" | "4" | "5" | "6";
      change: Schemas["ResponsibilityRuleChangeInput"];
    }) =>
      unwrap(
        await api.PUT("/api/ozg/responsibility-rules/leika-typ/{leikaType}", {
          params: { path: { leikaType } },
          body: change,
        }),
      ),
    onSuccess: () =>
      Promise.all(
        ["ozg-rules", ...OZG_KEYS].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
}

/** Creates or changes an online service or base component; administrators only. */
export function useSaveOnlineService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: Schemas["OnlineServiceChangeInput"] }) =>
      unwrap(
        await api.PUT("/api/ozg/online-services/{id}", { params: { path: { id } }, body: input }),
      ),
    onSuccess: () =>
      Promise.all(
        ["ozg-online-services", ...OZG_KEYS].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

/** Sets (PUT) or removes (DELETE) the own rule of one OZG-Leistung; administrators only. */
export function useLeistungRule() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      ["ozg-rules", ...OZG_KEYS].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
  const save = useMutation({
    mutationFn: async ({
      ozgId,
      change,
    }: {
      ozgId: number;
      change: Schemas["ResponsibilityRuleChangeInput"];
    }) =>
      unwrap(
        await api.PUT("/api/ozg/responsibility-rules/leistung/{ozgId}", {
          params: { path: { ozgId } },
          body: change,
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (ozgId: number) =>
      unwrap(
        await api.DELETE("/api/ozg/responsibility-rules/leistung/{ozgId}", {
          params: { path: { ozgId } },
        }),
      ),
    onSuccess: refresh,
  });
  return { save, remove };
}
