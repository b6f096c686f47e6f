import { resolveCorrectionCommentTarget } from "./correctionService.ts";
import {
  createComment,
  createMeasure,
  createNotifications,
  findCommentStrategy,
  findMeasure,
  findMentionedUsers,
  listDomainAndProviderNames,
  listMeasuresByIds,
  setMeasureDependencies,
  type Queryable,
} from "@it-atlas/db";
import {
  canSeeConfidential,
  horizonNote,
  measuresFromMigrations,
  NotFoundError,
  parseMentions,
  type ChangeCommentInput,
  type Measure,
  type MeasuresFromMigrationsInput,
  type Principal,
} from "@it-atlas/domain";
import { todayInGermany } from "./landscapeService.ts";

/**
 * Creates one measure per migration wave (target provider × domain or coupled domains, at most
 * `maxMigrationsPerYear` migrations a year and at most a provider's `providerMigrationsPerYear`
 * into it), each wave depending on the group's previous one.
 */
export async function createMeasuresFromMigrations(
  tx: Queryable,
  input: MeasuresFromMigrationsInput,
  actorLabel: string,
): Promise<{ items: Measure[]; notes: string[] }> {
  const names = await listDomainAndProviderNames(tx);
  const drafts = measuresFromMigrations(input.migrations, {
    couplings: input.couplings.map((coupling) => coupling.domainIds),
    scenarioId: input.scenarioId,
    startYear: input.startYear,
    maxMigrationsPerYear: input.maxMigrationsPerYear,
    providerMigrationsPerYear: new Map(
      input.providerMigrationsPerYear.map((entry) => [entry.providerId, entry.migrationsPerYear]),
    ),
    domainNames: names.domains,
    providerNames: names.providers,
  });
  const ids: number[] = [];
  for (const draft of drafts) {
    ids.push(
      await createMeasure(
        tx,
        {
          title: draft.title,
          description: draft.description,
          kommuneKeys: draft.kommuneKeys,
          domainIds: draft.domainIds,
          providerIds: draft.providerIds,
          scenarioId: draft.scenarioId,
          strategyId: null,
          strategyDomainId: null,
          ownerUserId: null,
          team: [],
          startDate: draft.startDate,
          dueDate: draft.dueDate,
          status: "geplant",
          wave: draft.wave,
          oneOffCost: draft.oneOffCost,
        },
        actorLabel,
      ),
    );
  }
  for (const [index, draft] of drafts.entries()) {
    const previous = draft.dependsOnIndex === null ? undefined : ids[draft.dependsOnIndex];
    const id = ids[index];
    if (previous !== undefined && id !== undefined) {
      await setMeasureDependencies(tx, id, [previous]);
    }
  }
  const note = horizonNote(drafts, {
    startYear: input.startYear,
    maxMigrationsPerYear: input.maxMigrationsPerYear,
    horizonYears: input.horizonYears,
  });
  return { items: await listMeasuresByIds(tx, ids, todayInGermany()), notes: note ? [note] : [] };
}

/** Tells a measure's new owner (unless they assigned it to themselves). */
export async function notifyNewOwner(
  tx: Queryable,
  measure: Measure,
  previousOwnerId: number | null,
  actorUserId: number | null,
): Promise<void> {
  const owner = measure.owner;
  if (!owner || owner.id === previousOwnerId || owner.id === actorUserId) return;
  await createNotifications(tx, [
    {
      userId: owner.id,
      kind: "assignment",
      title: `Ihnen wurde die Maßnahme „${measure.title}“ übertragen.`,
      link: `/massnahmen/${measure.id}`,
    },
  ]);
}

/**
 * Checks that the comment's target exists and the principal may see it: a measure, a
 * strategy version (drafts only for their Kommune and KDN), or a scenario (its id is not
 * checked here: scenarios belong to another module). Returns the web link and a short name.
 */
export async function resolveCommentTarget(
  db: Queryable,
  principal: Principal,
  targetType: ChangeCommentInput["targetType"],
  targetId: string,
): Promise<{ link: string; label: string }> {
  const notFound = () =>
    new NotFoundError("comment_target_not_found", "Das kommentierte Objekt gibt es nicht.");
  if (targetType === "measure") {
    const id = Number(targetId);
    if (!Number.isInteger(id) || id <= 0) throw notFound();
    const measure = await findMeasure(db, id, todayInGermany());
    if (!measure) throw notFound();
    return { link: `/massnahmen/${id}`, label: `Maßnahme „${measure.title}“` };
  }
  if (targetType === "strategy") {
    const id = Number(targetId);
    if (!Number.isInteger(id) || id <= 0) throw notFound();
    const strategy = await findCommentStrategy(db, id);
    if (
      !strategy ||
      (strategy.status === "draft" &&
        !canSeeConfidential(principal, {
          organisationKey: strategy.organisationKey,
          providerId: null,
        }))
    ) {
      throw notFound();
    }
    return {
      link: `/kommunen/${strategy.organisationKey}/strategie`,
      label: `IT-Strategie ${strategy.organisationName} (Version ${strategy.version})`,
    };
  }
  if (targetType === "correction") return resolveCorrectionCommentTarget(db, principal, targetId);
  return { link: `/szenarien/${encodeURIComponent(targetId)}`, label: `Szenario ${targetId}` };
}

/** A person to tell about a mention (for the in-app list and, if configured, e-mail). */
export interface MentionedPerson {
  id: number;
  email: string;
  name: string;
}

/**
 * Stores a comment and notifies every active account it @mentions (not the author).
 * Returns the comment id and the accounts notified.
 */
export async function postComment(
  tx: Queryable,
  input: ChangeCommentInput,
  target: { link: string; label: string },
  author: { userId: number | null; label: string; name: string },
): Promise<{ id: number; mentioned: MentionedPerson[] }> {
  const id = await createComment(tx, {
    targetType: input.targetType,
    targetId: input.targetId,
    body: input.body,
    authorUserId: author.userId,
    authorLabel: author.label,
  });
  const mentions = parseMentions(input.body);
  const mentioned = (await findMentionedUsers(tx, mentions.emails, mentions.names)).filter(
    (person) => person.id !== author.userId,
  );
  await createNotifications(
    tx,
    mentioned.map((person) => ({
      userId: person.id,
      kind: "mention" as const,
      title: `${author.name} hat Sie erwähnt: ${target.label}`,
      link: target.link,
    })),
  );
  return { id, mentioned };
}
