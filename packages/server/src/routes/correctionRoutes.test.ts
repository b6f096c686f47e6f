import { seedReferenceData, sql } from "@it-atlas/db";
import type { Correction, MembershipVersion, OrganisationDetail, Provider } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
const DETMOLD = "05766020";
let detmold: { authorization: string };
let lemgo: { authorization: string };
let owlIt: { authorization: string };
let analyst: { authorization: string };

beforeAll(async () => {
  detmold = await authHeaders(server.db, { kommune: DETMOLD });
  lemgo = await authHeaders(server.db, { kommune: "05766044" });
  owlIt = await authHeaders(server.db, { dienstleister: "owl-it" });
  analyst = await authHeaders(server.db, "kdn_analyst");
});

const source = {
  url: "https://www.detmold.de/ratsbeschluss-it",
  document: "Ratsbeschluss 2026/117",
  evidenceDate: "2026-03-01",
};

async function detail(key = DETMOLD): Promise<OrganisationDetail> {
  const response = await server.app.inject({ url: `/api/organisations/${key}` });
  return response.json<OrganisationDetail>();
}

async function history(key = DETMOLD): Promise<MembershipVersion[]> {
  const response = await server.app.inject({
    url: `/api/organisations/${key}/membership-history`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: MembershipVersion[] }>().items;
}

async function propose(headers: { authorization: string }, payload: Record<string, unknown>) {
  return server.app.inject({ method: "POST", url: "/api/corrections", headers, payload });
}

async function decide(id: number, decision: "accept" | "reject", reason: string) {
  return server.app.inject({
    method: "POST",
    url: `/api/corrections/${id}/decision`,
    headers: analyst,
    payload: { decision, reason },
  });
}

async function forceReseed(): Promise<void> {
  await server.db.query(sql`UPDATE seed_state SET version = 'old' WHERE name = 'reference'`);
  const result = await seedReferenceData(server.db);
  expect(result.applied).toBe(true);
}

describe("corrections of memberships", () => {
  let krz: OrganisationDetail["memberships"][number];

  beforeAll(async () => {
    const found = (await detail()).memberships.find(
      (membership) => membership.provider.id === "krz",
    );
    if (!found) throw new Error("Detmold hat keine Mitgliedschaft im krz");
    krz = found;
  });

  it("shows the evidence date and recording time next to each sourced membership", () => {
    expect(krz.provenance).toMatchObject({
      quality: "sourced",
      asOf: "2021-03-09",
      evidenceDate: "2021-03-09",
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it("accepts proposals only about the proposer's own Kommune, with a source", async () => {
    const change = {
      type: "membership_change",
      membershipId: krz.id,
      relation: "kunde_vollumfaenglich",
      source,
    };
    expectProblem(await propose(lemgo, change), 403, "correction_not_own_organisation");
    expectProblem(await propose(analyst, change), 403, "forbidden");
    expectProblem(
      await server.app.inject({ method: "POST", url: "/api/corrections", payload: change }),
      401,
      "unauthenticated",
    );
    const withoutSource = await propose(detmold, {
      ...change,
      source: { url: null, document: null, evidenceDate: "2026-03-01" },
    });
    expectInvalidParameter(withoutSource, "source.url");
    expect(withoutSource.body).toContain("Quelle");
  });

  it("keeps the old version and its source when an analyst accepts a change, audited with before and after", async () => {
    const proposed = await propose(detmold, {
      type: "membership_change",
      membershipId: krz.id,
      relation: "kunde_vollumfaenglich",
      validFrom: "2026-01-01",
      source,
      note: "Seit 2026 vollumfänglicher Kunde",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const correction = proposed.json<Correction>();
    expect(correction).toMatchObject({
      type: "membership_change",
      status: "open",
      organisation: { key: DETMOLD },
      provider: { id: "krz" },
      summary: expect.stringContaining("Kunde (vollumfänglich)"),
    });
    // Nothing changes before the decision.
    expect((await detail()).memberships.find((m) => m.id === krz.id)?.relation).toBe(
      "verbandsmitglied",
    );
    // Only KDN decides; the proposer sees the proposal, another Kommune does not.
    expectProblem(
      await server.app.inject({
        method: "POST",
        url: `/api/corrections/${correction.id}/decision`,
        headers: detmold,
        payload: { decision: "accept", reason: "selbst" },
      }),
      403,
      "forbidden",
    );
    expect(
      (await server.app.inject({ url: `/api/corrections/${correction.id}`, headers: detmold }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await server.app.inject({ url: `/api/corrections/${correction.id}`, headers: lemgo }),
      404,
      "correction_not_found",
    );
    expectInvalidParameter(await decide(correction.id, "accept", ""), "reason");

    const accepted = await decide(correction.id, "accept", "Ratsbeschluss liegt vor");
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<Correction>()).toMatchObject({
      status: "accepted",
      decisionReason: "Ratsbeschluss liegt vor",
      decidedBy: expect.any(String),
    });
    expectProblem(await decide(correction.id, "reject", "doch nicht"), 409, "correction_decided");

    const now = (await detail()).memberships.find((m) => m.id === krz.id);
    expect(now).toMatchObject({
      relation: "kunde_vollumfaenglich",
      provenance: {
        quality: "self_reported",
        sourceUrls: [source.url],
        sourceDocument: source.document,
        evidenceDate: source.evidenceDate,
      },
    });
    const versions = (await history()).filter((version) => version.membershipId === krz.id);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({
      relation: "kunde_vollumfaenglich",
      supersededAt: null,
      validFrom: "2026-01-01",
    });
    expect(versions[1]).toMatchObject({
      relation: "verbandsmitglied",
      provenance: { quality: "sourced", sourceUrls: krz.provenance.sourceUrls, asOf: "2021-03-09" },
      validTo: "2026-01-01",
      supersededAt: expect.any(String),
      correctionId: correction.id,
      channel: "correction",
    });

    const audit = await server.db.query<{ action: string; before: unknown; after: unknown }>(
      sql`SELECT action, before, after FROM audit_log
          WHERE entity_type = 'membership' AND entity_id = ${String(krz.id)}`,
    );
    expect(audit).toEqual([
      {
        action: "correct",
        before: expect.objectContaining({ relation: "verbandsmitglied", quality: "sourced" }),
        after: expect.objectContaining({ relation: "kunde_vollumfaenglich" }),
      },
    ]);
  });

  it("a re-seed after an accepted correction changes nothing", async () => {
    const memberships = (await detail()).memberships;
    const versions = await history();
    const [count] = await server.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM membership`,
    );
    await forceReseed();
    expect((await detail()).memberships).toEqual(memberships);
    expect(await history()).toEqual(versions);
    const [after] = await server.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM membership`,
    );
    expect(after?.n).toBe(count?.n);
  });

  it("ends a membership: it leaves the profile, stays in the history, and a re-seed does not bring it back", async () => {
    const LEMGO = "05766044";
    const ended = (await detail(LEMGO)).memberships[0];
    if (!ended) throw new Error("Lemgo braucht eine Mitgliedschaft");
    const proposed = await propose(lemgo, {
      type: "membership_end",
      membershipId: ended.id,
      validTo: "2026-06-30",
      source: {
        url: null,
        document: "Kündigungsschreiben vom 2. Februar 2026",
        evidenceDate: "2026-02-02",
      },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json<Correction>().id;
    expect((await decide(id, "accept", "Kündigung belegt")).statusCode).toBe(200);
    expect((await detail(LEMGO)).memberships.some((m) => m.id === ended.id)).toBe(false);
    expect((await history(LEMGO)).find((v) => v.membershipId === ended.id)).toMatchObject({
      validTo: "2026-06-30",
      provenance: { quality: ended.provenance.quality, sourceUrls: ended.provenance.sourceUrls },
    });
    await forceReseed();
    expect(
      (await detail(LEMGO)).memberships.some(
        (m) => m.provider.id === ended.provider.id && m.relation === ended.relation,
      ),
    ).toBe(false);
  });

  it("adds a membership once; a rejected proposal changes nothing; proposals can be discussed", async () => {
    const add = {
      type: "membership_add",
      organisationKey: DETMOLD,
      providerId: "owl-it",
      relation: "kunde",
      source,
    };
    const rejected = (await propose(detmold, add)).json<Correction>();
    const before = await detail();
    expect(
      (await decide(rejected.id, "reject", "Kein Vertrag vorgelegt")).json<Correction>(),
    ).toMatchObject({ status: "rejected", decisionReason: "Kein Vertrag vorgelegt" });
    expect(await detail()).toEqual(before);

    const comment = await server.app.inject({
      method: "POST",
      url: "/api/comments",
      headers: detmold,
      payload: { targetType: "correction", targetId: String(rejected.id), body: "Vertrag folgt." },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expectProblem(
      await server.app.inject({
        url: `/api/comments?targetType=correction&targetId=${rejected.id}`,
        headers: lemgo,
      }),
      404,
      "comment_target_not_found",
    );

    // The provider itself may propose a relation with its customer.
    const accepted = (await propose(owlIt, add)).json<Correction>();
    expect((await decide(accepted.id, "accept", "Vertrag liegt vor")).statusCode).toBe(200);
    expect((await detail()).memberships.find((m) => m.provider.id === "owl-it")).toMatchObject({
      relation: "kunde",
      provenance: { quality: "provider_confirmed" },
    });
    const again = (await propose(owlIt, add)).json<Correction>();
    expectProblem(await decide(again.id, "accept", "doppelt"), 409, "membership_exists");

    const open = await server.app.inject({
      url: "/api/corrections?status=open",
      headers: analyst,
    });
    expect(open.json<{ items: Correction[] }>().items.map((item) => item.id)).toContain(again.id);
    // Lemgo's editor sees Lemgo's own correction (the ended membership), none of Detmold's.
    const mine = await server.app.inject({ url: "/api/corrections", headers: lemgo });
    const keys = mine.json<{ items: Correction[] }>().items.map((item) => item.organisation?.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key === "05766044")).toBe(true);
  });
});

describe("Datenlage", () => {
  it("reflects an accepted correction: newer evidence and a self-reported fact for Detmold", async () => {
    const response = await server.app.inject({ url: "/api/datenlage?staleAfterMonths=12" });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      staleAfterMonths: number;
      items: Array<{
        key: string;
        kind: string;
        newestEvidence: string | null;
        stale: boolean;
        domainsTotal: number;
        qualities: Record<string, number>;
      }>;
    }>();
    expect(body.staleAfterMonths).toBe(12);
    expect(body.items.filter((item) => item.kind === "gemeinde")).toHaveLength(396);
    expect(body.items.filter((item) => item.kind === "kreis")).toHaveLength(31);
    const detmold = body.items.find((item) => item.key === DETMOLD);
    // The accepted correction of the first describe block (Beleg vom 01.03.2026).
    expect(detmold).toMatchObject({ newestEvidence: "2026-03-01" });
    expect(detmold?.qualities.self_reported).toBeGreaterThanOrEqual(1);
    expect(detmold?.domainsTotal).toBeGreaterThan(0);
    const lemgo = body.items.find((item) => item.key === "05766044");
    expect(lemgo?.stale).toBe(true);
    expectInvalidParameter(
      await server.app.inject({ url: "/api/datenlage?staleAfterMonths=0" }),
      "staleAfterMonths",
    );
  });
});

describe("corrections of provider facts", () => {
  it("lets a provider correct its website; the old version stays in the history and a re-seed keeps the correction", async () => {
    const proposed = await propose(owlIt, {
      type: "provider_change",
      providerId: "owl-it",
      values: { website: "https://www.owl-it.de/neu" },
      source: {
        url: "https://www.owl-it.de/impressum",
        document: null,
        evidenceDate: "2026-04-01",
      },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expectProblem(
      await propose(detmold, {
        type: "provider_change",
        providerId: "owl-it",
        values: { website: "https://example.org" },
        source,
      }),
      403,
      "correction_not_own_organisation",
    );
    expect((await decide(proposed.json<Correction>().id, "accept", "Impressum")).statusCode).toBe(
      200,
    );
    await forceReseed();
    const provider = (await server.app.inject({ url: "/api/providers/owl-it" })).json<Provider>();
    expect(provider).toMatchObject({
      website: "https://www.owl-it.de/neu",
      provenance: { quality: "provider_confirmed", evidenceDate: "2026-04-01" },
    });
    const [kept] = await server.db.query<{ website: string | null }>(
      sql`SELECT data->>'website' AS website FROM fact_version WHERE fact_kind = 'provider' AND fact_id = 'owl-it'`,
    );
    expect(kept?.website).not.toBe("https://www.owl-it.de/neu");
  });
});
