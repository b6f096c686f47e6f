import {
  appendAudit,
  applyProviderCorrection,
  bumpLandscapeRevision,
  archiveMembershipVersion,
  correctionQuality,
  findCorrection,
  findMembershipSnapshot,
  findOrganisation,
  findProviderSnapshot,
  insertCorrectedMembership,
  insertCorrection,
  listCorrections,
  lockOpenCorrection,
  recordCorrectionDecision,
  removeEndedMembership,
  updateCorrectedMembership,
  type AuditEntry,
  type CorrectionProvenance,
  type Database,
  type Queryable,
} from "@it-atlas/db";
import {
  can,
  ConflictError,
  describeCorrection,
  NotAllowedError,
  NotFoundError,
  ProviderFactValues,
  seesAllConfidential,
  type Correction,
  type CorrectionDecision,
  type CorrectionInput,
  type CorrectionStatus,
  type MembershipRelation,
  type Principal,
  type ProvenanceQuality,
} from "@it-atlas/domain";

type Actor = Omit<AuditEntry, "action" | "entityType" | "entityId" | "before" | "after">;

const notFound = () => new NotFoundError("correction_not_found", "Diese Korrektur gibt es nicht.");

function scopesOf(principal: Principal): { organisationKeys: string[]; providerIds: string[] } {
  if (principal.kind !== "user") return { organisationKeys: [], providerIds: [] };
  return {
    organisationKeys: principal.roles.flatMap((role) =>
      role.role === "kommune_bearbeiter" && role.organisationKey ? [role.organisationKey] : [],
    ),
    providerIds: principal.roles.flatMap((role) =>
      role.role === "dienstleister_bearbeiter" && role.providerId ? [role.providerId] : [],
    ),
  };
}

/** Who vouches for a corrected fact: the provider, the Kommune itself, or a person at KDN. */
function qualityFor(
  principal: Principal,
  target: { organisationKey: string | null; providerId: string },
): ProvenanceQuality {
  const scopes = scopesOf(principal);
  if (scopes.providerIds.includes(target.providerId)) return "provider_confirmed";
  if (target.organisationKey && scopes.organisationKeys.includes(target.organisationKey)) {
    return "self_reported";
  }
  return "user";
}

/** Whether the principal may see (and discuss) a correction. */
function maySee(principal: Principal, correction: Correction): boolean {
  if (seesAllConfidential(principal)) return true;
  const scopes = scopesOf(principal);
  return (
    (!!correction.organisation && scopes.organisationKeys.includes(correction.organisation.key)) ||
    scopes.providerIds.includes(correction.provider.id)
  );
}

/** Corrections the principal may see: all for KDN and administrators, else its own scopes'. */
export async function listVisibleCorrections(
  db: Queryable,
  principal: Principal,
  filter: {
    status?: CorrectionStatus | undefined;
    organisationKey?: string | undefined;
    providerId?: string | undefined;
  },
): Promise<Correction[]> {
  return listCorrections(db, {
    ...filter,
    scope: seesAllConfidential(principal) ? null : scopesOf(principal),
  });
}

/** One correction the principal may see; 404 otherwise (its existence is not revealed). */
export async function getVisibleCorrection(
  db: Queryable,
  principal: Principal,
  id: number,
): Promise<Correction> {
  const correction = await findCorrection(db, id);
  if (!correction || !maySee(principal, correction)) throw notFound();
  return correction;
}

async function proposalTarget(
  db: Queryable,
  input: CorrectionInput,
): Promise<{
  organisationKey: string | null;
  organisationName: string | null;
  providerId: string;
  membershipId: number | null;
  current: Awaited<ReturnType<typeof findMembershipSnapshot | typeof findProviderSnapshot>> | null;
}> {
  if (input.type === "provider_change") {
    const provider = await findProviderSnapshot(db, input.providerId);
    if (!provider) {
      throw new NotFoundError("provider_not_found", "Diesen IT-Dienstleister gibt es nicht.");
    }
    return {
      organisationKey: null,
      organisationName: null,
      providerId: input.providerId,
      membershipId: null,
      current: provider,
    };
  }
  if (input.type === "membership_add") {
    const [organisation, provider] = await Promise.all([
      findOrganisation(db, input.organisationKey),
      findProviderSnapshot(db, input.providerId),
    ]);
    if (!organisation) {
      throw new NotFoundError(
        "organisation_not_found",
        `Es gibt keine Kommune mit dem Schlüssel „${input.organisationKey}“.`,
      );
    }
    if (!provider) {
      throw new NotFoundError("provider_not_found", "Diesen IT-Dienstleister gibt es nicht.");
    }
    return {
      organisationKey: organisation.key,
      organisationName: organisation.name,
      providerId: provider.id,
      membershipId: null,
      current: null,
    };
  }
  const membership = await findMembershipSnapshot(db, input.membershipId);
  if (!membership) {
    throw new NotFoundError(
      "membership_not_found",
      "Diese Mitgliedschaft gibt es nicht (mehr); sie wurde vielleicht schon geändert oder beendet.",
    );
  }
  const organisation = await findOrganisation(db, membership.organisation_key);
  return {
    organisationKey: membership.organisation_key,
    organisationName: organisation?.name ?? membership.organisation_key,
    providerId: membership.provider_id,
    membershipId: membership.id,
    current: membership,
  };
}

/** Stores a proposed correction (open) after checking that it is about the caller's own organisation. */
export async function proposeCorrection(
  db: Database,
  principal: Principal,
  actor: Actor,
  input: CorrectionInput,
): Promise<Correction> {
  const target = await proposalTarget(db, input);
  if (
    !can(principal, "corrections:propose", {
      organisationKey: target.organisationKey,
      providerId: target.providerId,
    })
  ) {
    throw new NotAllowedError(
      "correction_not_own_organisation",
      "Sie können nur Angaben zu Ihrer eigenen Kommune oder Ihrem eigenen IT-Dienstleister korrigieren.",
    );
  }
  if (input.type === "membership_change" && target.current && "relation" in target.current) {
    const unchanged =
      target.current.relation === input.relation &&
      (target.current.valid_from ?? null) === input.validFrom;
    if (unchanged) {
      throw new ConflictError(
        "correction_unchanged",
        "Die vorgeschlagene Angabe entspricht der heutigen; es gibt nichts zu korrigieren.",
      );
    }
  }
  const providerName = (await findProviderSnapshot(db, target.providerId))?.name ?? "";
  const summary = describeCorrection(input, {
    organisation: target.organisationName,
    provider: providerName,
  });
  const id = await db.transaction(async (tx) => {
    const created = await insertCorrection(tx, {
      input,
      organisationKey: target.organisationKey,
      providerId: target.providerId,
      membershipId: target.membershipId,
      current: target.current ?? null,
      summary,
      proposedBy: {
        userId: principal.kind === "user" ? principal.userId : null,
        name: principal.kind === "user" ? principal.displayName : "anonym",
      },
      quality: qualityFor(principal, target),
    });
    const after = await findCorrection(tx, created);
    await appendAudit(tx, {
      ...actor,
      action: "propose",
      entityType: "fact_correction",
      entityId: String(created),
      before: null,
      after,
    });
    return created;
  });
  const correction = await findCorrection(db, id);
  if (!correction) throw new Error("Korrektur nach dem Anlegen nicht gefunden");
  return correction;
}

function provenanceOf(correction: Correction, quality: ProvenanceQuality): CorrectionProvenance {
  return {
    sourceUrl: correction.source.url,
    sourceDocument: correction.source.document,
    evidenceDate: correction.source.evidenceDate,
    quality,
    evidence: `Korrektur Nr. ${correction.id} von ${correction.proposedBy}, angenommen${
      correction.note ? `: ${correction.note}` : ""
    }`,
  };
}

/**
 * Accepts or rejects an open correction. Accepting writes a new version of the fact; the
 * version it replaces stays whole in the history. Both the decision and the fact's change are
 * audited with before and after.
 */
export async function decideCorrection(
  db: Database,
  principal: Principal,
  actor: Actor,
  id: number,
  decision: CorrectionDecision,
): Promise<Correction> {
  await db.transaction(async (tx) => {
    const before = await findCorrection(tx, id);
    if (!before) throw notFound();
    if (!(await lockOpenCorrection(tx, id))) {
      throw new ConflictError(
        "correction_decided",
        "Über diese Korrektur wurde bereits entschieden.",
      );
    }
    if (decision.decision === "accept") {
      const quality = (await correctionQuality(tx, id)) ?? "user";
      await applyCorrection(tx, actor, before, provenanceOf(before, quality));
      // Memberships and provider facts are answered from the response cache of the landscape
      // revision (ADR 0019): the new version must be read at once, here and in every process.
      await bumpLandscapeRevision(tx);
    }
    await recordCorrectionDecision(tx, id, {
      status: decision.decision === "accept" ? "accepted" : "rejected",
      reason: decision.reason,
      userId: principal.kind === "user" ? principal.userId : null,
      name: principal.kind === "user" ? principal.displayName : "anonym",
    });
    await appendAudit(tx, {
      ...actor,
      action: decision.decision,
      entityType: "fact_correction",
      entityId: String(id),
      before,
      after: await findCorrection(tx, id),
    });
  });
  const decided = await findCorrection(db, id);
  if (!decided) throw notFound();
  return decided;
}

const changed = () =>
  new ConflictError(
    "correction_stale",
    "Die Angabe hat sich seit dem Vorschlag geändert. Bitte lehnen Sie die Korrektur ab und lassen Sie sie neu stellen.",
  );

async function applyCorrection(
  tx: Queryable,
  actor: Actor,
  correction: Correction,
  provenance: CorrectionProvenance,
): Promise<void> {
  const proposed = correction.proposed;
  const recordedAt = (value: Record<string, unknown> | null) => value?.recorded_at;
  if (correction.type === "provider_change") {
    const current = await findProviderSnapshot(tx, correction.provider.id, true);
    if (!current) throw changed();
    if (current.recorded_at !== recordedAt(correction.current)) throw changed();
    await applyProviderCorrection(
      tx,
      current,
      ProviderFactValues.parse(proposed),
      provenance,
      correction.id,
    );
    await appendAudit(tx, {
      ...actor,
      action: "correct",
      entityType: "provider",
      entityId: current.id,
      before: current,
      after: await findProviderSnapshot(tx, current.id),
    });
    return;
  }
  if (correction.type === "membership_add") {
    if (!correction.organisation) throw new Error("Korrektur ohne Kommune");
    let id: number;
    try {
      id = await insertCorrectedMembership(
        tx,
        {
          organisationKey: correction.organisation.key,
          providerId: correction.provider.id,
          relation: proposed.relation as MembershipRelation,
          validFrom: (proposed.validFrom as string | null) ?? null,
        },
        provenance,
      );
    } catch (error) {
      if (String(error).includes("membership_seed_key_idx")) {
        throw new ConflictError(
          "membership_exists",
          "Diese Mitgliedschaft ist bereits erfasst; schlagen Sie stattdessen eine Änderung vor.",
        );
      }
      throw error;
    }
    await appendAudit(tx, {
      ...actor,
      action: "correct",
      entityType: "membership",
      entityId: String(id),
      before: null,
      after: await findMembershipSnapshot(tx, id),
    });
    return;
  }
  const membershipId = correction.membershipId ?? 0;
  const current = await findMembershipSnapshot(tx, membershipId, true);
  if (!current || current.recorded_at !== recordedAt(correction.current)) throw changed();
  if (correction.type === "membership_end") {
    await archiveMembershipVersion(tx, current, {
      validTo: proposed.validTo as string,
      correctionId: correction.id,
      channel: "correction",
    });
    await removeEndedMembership(tx, membershipId);
    await appendAudit(tx, {
      ...actor,
      action: "correct",
      entityType: "membership",
      entityId: String(membershipId),
      before: current,
      after: { ended: proposed.validTo, correctionId: correction.id },
    });
    return;
  }
  const validFrom = (proposed.validFrom as string | null) ?? null;
  await archiveMembershipVersion(tx, current, {
    validTo: validFrom ?? provenance.evidenceDate,
    correctionId: correction.id,
    channel: "correction",
  });
  await updateCorrectedMembership(
    tx,
    membershipId,
    { relation: proposed.relation as MembershipRelation, validFrom },
    provenance,
  );
  await appendAudit(tx, {
    ...actor,
    action: "correct",
    entityType: "membership",
    entityId: String(membershipId),
    before: current,
    after: await findMembershipSnapshot(tx, membershipId),
  });
}

/** Link and label of a correction as a comment target (404 unless the principal may see it). */
export async function resolveCorrectionCommentTarget(
  db: Queryable,
  principal: Principal,
  targetId: string,
): Promise<{ link: string; label: string }> {
  const id = Number(targetId);
  if (!Number.isInteger(id) || id <= 0) {
    throw new NotFoundError("comment_target_not_found", "Das kommentierte Objekt gibt es nicht.");
  }
  const correction = await findCorrection(db, id);
  if (!correction || !maySee(principal, correction)) {
    throw new NotFoundError("comment_target_not_found", "Das kommentierte Objekt gibt es nicht.");
  }
  return { link: `/korrekturen/${id}`, label: `Korrektur „${correction.summary}“` };
}
