import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ensureOk, unwrap, type Schemas } from "../../api/client.ts";
import type { paths } from "../../api/schema.gen.ts";

/** A Maßnahme as the API sends it. */
export type Measure = Schemas["Measure"];
/** A measure as written (create and update). */
export type MeasureWrite = Schemas["MeasureWriteInput"];
/** A Meilenstein. */
export type Milestone = Schemas["MeasureMilestone"];
/** A Gremium. */
export type GovernanceBody = Schemas["GovernanceBody"];
/** A Beschluss. */
export type GovernanceDecision = Schemas["GovernanceDecision"];
/** A Beschluss as recorded. */
export type GovernanceDecisionWrite = Schemas["GovernanceDecisionWriteInput"];
/** Query parameters of the measure list. */
export type MeasureQuery = NonNullable<paths["/api/measures"]["get"]["parameters"]["query"]>;
/** Filters of the roadmap. */
export type RoadmapQuery = NonNullable<
  paths["/api/measures/roadmap"]["get"]["parameters"]["query"]
>;
/** Target of a comment. */
export type CommentTarget = {
  targetType: "measure" | "strategy" | "scenario" | "correction";
  targetId: string;
};

const MEASURES = ["measures"] as const;

/** A page of measures. */
export function useMeasures(query: MeasureQuery) {
  return useQuery({
    queryKey: [...MEASURES, "list", query],
    queryFn: async () => unwrap(await api.GET("/api/measures", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every measure matching the filter (for the CSV export), page by page. */
export async function fetchAllMeasures(query: Omit<MeasureQuery, "page" | "pageSize">) {
  const items: Measure[] = [];
  for (let page = 1; ; page += 1) {
    const result = unwrap(
      await api.GET("/api/measures", { params: { query: { ...query, page, pageSize: 500 } } }),
    );
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/** Roadmap: measures with the critical path. */
export function useRoadmap(query: RoadmapQuery) {
  return useQuery({
    queryKey: [...MEASURES, "roadmap", query],
    queryFn: async () => unwrap(await api.GET("/api/measures/roadmap", { params: { query } })),
  });
}

/** One measure. */
export function useMeasure(id: number) {
  return useQuery({
    queryKey: [...MEASURES, "detail", id],
    queryFn: async () => unwrap(await api.GET("/api/measures/{id}", { params: { path: { id } } })),
  });
}

/** Accounts for owner, team and @mentions. */
export function useAssignableUsers(enabled = true) {
  return useQuery({
    queryKey: ["assignable-users"],
    queryFn: async () => unwrap(await api.GET("/api/measures/assignable-users")),
    staleTime: 60_000,
    enabled,
  });
}

function useInvalidateMeasures() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: MEASURES });
}

/** Creates a measure. */
export function useCreateMeasure() {
  const invalidate = useInvalidateMeasures();
  return useMutation({
    mutationFn: async (body: MeasureWrite) => unwrap(await api.POST("/api/measures", { body })),
    onSuccess: invalidate,
  });
}

/** Input of "create measures from a scenario's migrations". */
export type MeasuresFromMigrationsInput = Schemas["MeasuresFromMigrationsInputInput"];

/** Creates one measure per migration wave of a scenario (the scenario page calls this). */
export function useMeasuresFromMigrations() {
  const invalidate = useInvalidateMeasures();
  return useMutation({
    mutationFn: async (body: MeasuresFromMigrationsInput) =>
      unwrap(await api.POST("/api/measures/from-migrations", { body })),
    onSuccess: invalidate,
  });
}

/** Changes a measure. */
export function useUpdateMeasure(id: number) {
  const invalidate = useInvalidateMeasures();
  return useMutation({
    mutationFn: async (body: MeasureWrite) =>
      unwrap(await api.PUT("/api/measures/{id}", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** Deletes a measure. */
export function useDeleteMeasure(id: number) {
  const invalidate = useInvalidateMeasures();
  return useMutation({
    mutationFn: async () =>
      ensureOk(await api.DELETE("/api/measures/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** Replaces a measure's dependencies. */
export function useSetDependencies(id: number) {
  const invalidate = useInvalidateMeasures();
  return useMutation({
    mutationFn: async (dependsOn: number[]) =>
      unwrap(
        await api.PUT("/api/measures/{id}/dependencies", {
          params: { path: { id } },
          body: { dependsOn },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Adds, changes or deletes milestones of a measure. */
export function useMilestones(id: number) {
  const invalidate = useInvalidateMeasures();
  const add = useMutation({
    mutationFn: async (body: { title: string; dueDate: string }) =>
      unwrap(
        await api.POST("/api/measures/{id}/milestones", {
          params: { path: { id } },
          body: { ...body, done: false },
        }),
      ),
    onSuccess: invalidate,
  });
  const toggle = useMutation({
    mutationFn: async (milestone: Milestone) =>
      unwrap(
        await api.PUT("/api/measures/{id}/milestones/{milestoneId}", {
          params: { path: { id, milestoneId: milestone.id } },
          body: { title: milestone.title, dueDate: milestone.dueDate, done: !milestone.done },
        }),
      ),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async (milestoneId: number) =>
      ensureOk(
        await api.DELETE("/api/measures/{id}/milestones/{milestoneId}", {
          params: { path: { id, milestoneId } },
        }),
      ),
    onSuccess: invalidate,
  });
  return { add, toggle, remove };
}

/** Gremien. */
export function useGovernanceBodies() {
  return useQuery({
    queryKey: ["governance", "bodies"],
    queryFn: async () => unwrap(await api.GET("/api/governance/bodies")),
  });
}

/** Beschlüsse, optionally of one measure. */
export function useGovernanceDecisions(measureId?: number) {
  return useQuery({
    queryKey: ["governance", "decisions", measureId ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/governance/decisions", {
          params: { query: measureId ? { measure: measureId } : {} },
        }),
      ),
  });
}

/** Records a Beschluss. */
export function useRecordDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: GovernanceDecisionWrite) =>
      unwrap(await api.POST("/api/governance/decisions", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["governance"] }),
  });
}

/** Comments on a target. */
export function useComments(target: CommentTarget) {
  return useQuery({
    queryKey: ["comments", target.targetType, target.targetId],
    queryFn: async () => unwrap(await api.GET("/api/comments", { params: { query: target } })),
  });
}

/** Writes a comment. */
export function usePostComment(target: CommentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) =>
      unwrap(await api.POST("/api/comments", { body: { ...target, body } })),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: ["comments", target.targetType, target.targetId],
      }),
  });
}

/** The signed-in account's notifications (refreshed every minute). */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ["notifications"],
    queryFn: async () => unwrap(await api.GET("/api/notifications")),
    refetchInterval: 60_000,
    enabled,
  });
}

/** Marks notifications as read (all when no ids are given). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids?: number[]) =>
      unwrap(await api.POST("/api/notifications/read", { body: ids ? { ids } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
