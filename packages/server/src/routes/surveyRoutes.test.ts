import { createSurveyToken, listCampaignAnswers, sql } from "@it-atlas/db";
import type { Campaign } from "@it-atlas/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../export/textPdf.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { expectInvalidParameter, expectProblem } from "../testing/expectProblem.ts";
import { authHeaders } from "../testing/signedIn.ts";
import { buildCampaignInput } from "../testing/surveyFactories.ts";
import { useTestApp } from "../testing/testApp.ts";

const server = useTestApp();
const BLOMBERG = "05766008";
const LEMGO = "05766044";
let analyst: { authorization: string };
let lemgo: { authorization: string };
let blomberg: { authorization: string };
let campaign: Campaign;
let token: string;

beforeAll(async () => {
  analyst = await authHeaders(server.db, "kdn_analyst");
  lemgo = await authHeaders(server.db, { kommune: LEMGO });
  blomberg = await authHeaders(server.db, { kommune: BLOMBERG });
});

function inject(
  method: "GET" | "POST" | "PUT",
  url: string,
  headers: Record<string, string> = {},
  payload?: object,
) {
  return server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

describe("campaigns", () => {
  it("refuses anonymous callers and Kommune-Bearbeiter before anything else", async () => {
    expectProblem(
      await inject("POST", "/api/campaigns", {}, buildCampaignInput()),
      401,
      "unauthenticated",
    );
    expectProblem(
      await inject("POST", "/api/campaigns", lemgo, buildCampaignInput()),
      403,
      "forbidden",
    );
  });

  it("names invalid fields in German", async () => {
    expectInvalidParameter(
      await inject("POST", "/api/campaigns", analyst, { ...buildCampaignInput(), title: "x" }),
      "title",
    );
    const response = await inject("POST", "/api/campaigns", analyst, {
      ...buildCampaignInput(),
      questions: [{ key: "a", label: "A", type: "single_choice", options: [] }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain("mindestens eine Option");
  });

  it("creates a campaign for Kreis Lippe, starts it and then freezes its questions", async () => {
    const created = await inject(
      "POST",
      "/api/campaigns",
      analyst,
      buildCampaignInput({ title: "Lippe 2026" }),
    );
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json<Campaign>();
    expect(campaign).toMatchObject({ status: "draft", questionSetVersion: 1, frozenAt: null });
    const started = await inject("POST", `/api/campaigns/${campaign.id}/start`, analyst);
    expect(started.statusCode, started.body).toBe(200);
    // The Kreis and its 16 Gemeinden.
    expect(started.json()).toEqual({ responses: 17 });
    const frozen = await inject(
      "PUT",
      `/api/campaigns/${campaign.id}`,
      analyst,
      buildCampaignInput(),
    );
    expectProblem(frozen, 409, "campaign_frozen");
    expect(
      (await inject("GET", `/api/campaigns/${campaign.id}`, analyst)).json<Campaign>().frozenAt,
    ).not.toBeNull();
  });

  it("counts every Kommune as not started until someone saves an answer (issue 16, defect 9)", async () => {
    const progress = await inject("GET", `/api/campaigns/${campaign.id}/progress`, analyst);
    expect(progress.statusCode, progress.body).toBe(200);
    const body = progress.json<{
      counts: Record<string, number>;
      organisations: Array<{ status: string }>;
      byKreis: Array<{ counts: Record<string, number> }>;
      reminders: Array<{ status: string; lastChange: string | null }>;
    }>();
    expect(body.counts).toEqual({
      not_started: 17,
      draft: 0,
      submitted: 0,
      accepted: 0,
      returned: 0,
    });
    expect(new Set(body.organisations.map((item) => item.status))).toEqual(
      new Set(["not_started"]),
    );
    expect(body.byKreis.map((group) => group.counts.not_started)).toEqual([17]);
    expect(body.reminders).toHaveLength(17);
    expect(body.reminders.every((item) => item.lastChange === null)).toBe(true);
  });
});

describe("answering", () => {
  it("shows a Gemeinde only the questions of its size class, pre-filled from the landscape", async () => {
    const response = await inject(
      "GET",
      `/api/campaigns/${campaign.id}/responses/${BLOMBERG}`,
      blomberg,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      questions: Array<{ key: string }>;
      prefill: Record<string, unknown>;
      prefillDemo: string[];
    }>();
    expect(body.questions.map((question) => question.key)).toEqual([
      "ansprechperson",
      "ew-betrieb",
      "ew-personal",
      "ew-ziel",
    ]);
    expect(body.prefill["ew-betrieb"]).toEqual(expect.any(String));
    // The template's landscape is synthetic: the prefill says so.
    expect(body.prefillDemo).toContain("ew-betrieb");
  });

  it("lists per section the OZG-Leistungen the Kommune is responsible for, as the OZG board does", async () => {
    const body = (
      await inject("GET", `/api/campaigns/${campaign.id}/responses/${BLOMBERG}`, blomberg)
    ).json<{
      ozgLeistungen: Array<{ domainId: string; items: Array<{ ozgId: number; status: string }> }>;
    }>();
    expect(body.ozgLeistungen.map((section) => section.domainId)).toEqual(["einwohnerwesen"]);
    const listed = body.ozgLeistungen[0]?.items ?? [];
    expect(listed.length).toBeGreaterThan(0);
    const domains = (await inject("GET", "/api/domains", blomberg)).json<{
      items: Array<{ id: string; ozgIds: number[] }>;
    }>();
    const ozgView = (await inject("GET", `/api/ozg/kommunen/${BLOMBERG}`, blomberg)).json<{
      leistungen: Array<{ ozgId: number; responsible: boolean; status: string }>;
    }>();
    const inDomain = new Set(
      domains.items.find((domain) => domain.id === "einwohnerwesen")?.ozgIds,
    );
    const expected = ozgView.leistungen
      .filter((leistung) => leistung.responsible && inDomain.has(leistung.ozgId))
      .map(({ ozgId, status }) => ({ ozgId, status }));
    expect(
      listed.map(({ ozgId, status }) => ({ ozgId, status })).sort((a, b) => a.ozgId - b.ozgId),
    ).toEqual(expected.sort((a, b) => a.ozgId - b.ozgId));
  });

  it("never shows one Kommune's answers to another", async () => {
    await inject("PUT", `/api/campaigns/${campaign.id}/responses/${BLOMBERG}/answers`, blomberg, {
      answers: { ansprechperson: "Geheim" },
    });
    expectProblem(
      await inject("GET", `/api/campaigns/${campaign.id}/responses/${BLOMBERG}`, lemgo),
      403,
      "forbidden",
    );
    expectProblem(
      await inject("PUT", `/api/campaigns/${campaign.id}/responses/${BLOMBERG}/answers`, lemgo, {
        answers: { ansprechperson: "x" },
      }),
      403,
      "forbidden",
    );
    expectProblem(
      await inject("POST", `/api/campaigns/${campaign.id}/responses/${BLOMBERG}/comments`, lemgo, {
        body: "x",
      }),
      403,
      "forbidden",
    );
    expectProblem(
      await inject("GET", `/api/organisations/${BLOMBERG}/strategy/suggestions`, lemgo),
      403,
      "forbidden",
    );
    const leser = await authHeaders(server.db, "leser");
    const results = await inject("GET", `/api/campaigns/${campaign.id}/results`, leser);
    expect(results.body).not.toContain("Geheim");
  });

  it("lets an expert without an account answer and submit through a personal link", async () => {
    const link = await inject(
      "POST",
      `/api/campaigns/${campaign.id}/responses/${BLOMBERG}/tokens`,
      analyst,
      { label: "Frau Expertin", validDays: 7 },
    );
    expect(link.statusCode, link.body).toBe(201);
    token = link.json<{ token: string }>().token;
    expect(link.json<{ path: string }>().path).toBe(`/erhebung?token=${token}`);
    const stored = await server.db.query<{ token_hash: string }>(
      sql`SELECT token_hash FROM survey_token`,
    );
    expect(stored.map((row) => row.token_hash)).toContain(hashSecret(token));
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const headers = { "x-survey-token": token };
    expectProblem(await inject("GET", "/api/survey/token"), 404, "survey_token_missing");
    expectProblem(
      await inject("GET", "/api/survey/token", { "x-survey-token": newSecret() }),
      404,
      "survey_token_invalid",
    );
    const view = await inject("GET", "/api/survey/token", headers);
    expect(
      view.json<{ response: { organisation: { key: string } } }>().response.organisation.key,
    ).toBe(BLOMBERG);

    const invalid = await inject("PUT", "/api/survey/token/answers", headers, {
      answers: { "ew-personal": -1 },
    });
    expect(expectProblem(invalid, 400, "invalid_answers").errors).toEqual([
      { field: "ew-personal", message: "Der Wert muss mindestens 0 VZÄ betragen." },
    ]);
    const missing = await inject("POST", "/api/survey/token/submit", headers);
    expect(
      expectProblem(missing, 400, "incomplete_answers").errors?.map((error) => error.field),
    ).toEqual(["ew-betrieb"]);
    expect(
      (
        await inject("PUT", "/api/survey/token/answers", headers, {
          answers: { "ew-betrieb": "eigenbetrieb", "ew-personal": 2, "ew-ziel": "vor_ort" },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await inject("POST", "/api/survey/token/comments", headers, { body: "Bitte Rückruf" }))
        .statusCode,
    ).toBe(201);
    expect((await inject("POST", "/api/survey/token/submit", headers)).json()).toEqual({
      status: "submitted",
    });
    expectProblem(
      await inject("PUT", "/api/survey/token/answers", headers, { answers: { "ew-personal": 3 } }),
      409,
      "response_not_editable",
    );
  });

  it("refuses an expired link", async () => {
    const secret = newSecret();
    const [row] = await server.db.query<{ id: number }>(
      sql`SELECT id FROM survey_response WHERE organisation_key = ${LEMGO} AND campaign_id = ${campaign.id}`,
    );
    await server.db.transaction((tx) =>
      createSurveyToken(tx, {
        tokenHash: hashSecret(secret),
        responseId: row?.id ?? 0,
        label: "alt",
        createdBy: "test",
        expiresAt: "2020-01-01T00:00:00Z",
      }),
    );
    expectProblem(
      await inject("GET", "/api/survey/token", { "x-survey-token": secret }),
      404,
      "survey_token_invalid",
    );
  });
});

describe("review, landscape and strategy", () => {
  it("returns without a reason only with a German message, accepts, and applies to the landscape", async () => {
    const base = `/api/campaigns/${campaign.id}/responses/${BLOMBERG}`;
    expectProblem(
      await inject("POST", `${base}/review`, analyst, { decision: "return" }),
      400,
      "comment_required",
    );
    expect(
      (
        await inject("POST", `${base}/review`, analyst, { decision: "accept", comment: null })
      ).json(),
    ).toEqual({ status: "accepted" });
    const applied = await inject("POST", `${base}/apply`, analyst);
    expect(applied.statusCode, applied.body).toBe(200);
    const history = await inject(
      "GET",
      `/api/organisations/${BLOMBERG}/sourcing/history?domain=einwohnerwesen`,
      analyst,
    );
    const [latest] = history.json<{
      items: Array<{
        operatingModel: string;
        changeReason: string | null;
        provenance: { quality: string };
      }>;
    }>().items;
    if (applied.json<{ applied: string[] }>().applied.includes("einwohnerwesen")) {
      expect(latest).toMatchObject({
        operatingModel: "eigenbetrieb",
        changeReason: "Bedarfserhebung Lippe 2026",
      });
    } else {
      expect(latest?.operatingModel).toBe("eigenbetrieb");
    }
  });

  it("suggests decisions from the answers, checks them, adopts and prints the strategy", async () => {
    const suggestions = await inject(
      "GET",
      `/api/organisations/${BLOMBERG}/strategy/suggestions`,
      blomberg,
    );
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    const ew = suggestions
      .json<{
        items: Array<{
          domainId: string;
          targetModel: string;
          vorOrtRequired: boolean;
          reasons: string[];
        }>;
      }>()
      .items.find((item) => item.domainId === "einwohnerwesen");
    expect(ew).toMatchObject({ targetModel: "vor_ort", vorOrtRequired: true });
    expect(ew?.reasons).toContain("Gewünschtes Betriebsmodell laut Bedarfserhebung.");

    const draft = await inject("PUT", `/api/organisations/${BLOMBERG}/strategy/draft`, blomberg, {
      decisions: [
        {
          domainId: "einwohnerwesen",
          targetModel: "vor_ort",
          vorOrtRequired: true,
          rationale: null,
          priority: 1,
          targetYear: 2028,
        },
      ],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(
      draft.json<{ findings: Array<{ code: string }> }>().findings.map((finding) => finding.code),
    ).toEqual(["rationale_missing"]);
    expectProblem(
      await inject("POST", `/api/organisations/${BLOMBERG}/strategy/adopt`, blomberg, {
        councilDecisionDate: "2026-06-30",
      }),
      409,
      "strategy_inconsistent",
    );
    expectProblem(
      await inject("PUT", `/api/organisations/${BLOMBERG}/strategy/draft`, lemgo, {
        decisions: [],
      }),
      403,
      "forbidden",
    );

    await inject("PUT", `/api/organisations/${BLOMBERG}/strategy/draft`, blomberg, {
      decisions: [
        {
          domainId: "einwohnerwesen",
          targetModel: "vor_ort",
          vorOrtRequired: true,
          rationale: "Bürgerbüro mit Publikumsverkehr",
          priority: 1,
          targetYear: 2028,
        },
      ],
    });
    const adopted = await inject(
      "POST",
      `/api/organisations/${BLOMBERG}/strategy/adopt`,
      blomberg,
      { councilDecisionDate: "2026-06-30" },
    );
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({
      status: "adopted",
      version: 1,
      councilDecisionDate: "2026-06-30",
    });

    const pdf = await inject("GET", `/api/organisations/${BLOMBERG}/strategies/1/pdf`, analyst);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain("beschlossen am 30.06.2026");
    expect(text).toContain("Zielbetriebsmodell: Vor Ort (eigener Betrieb)");
    expect(text).toContain("Begründung: Bürgerbüro mit Publikumsverkehr");

    const overview = await inject(
      "GET",
      "/api/strategies/decisions?vorOrt=true&domain=einwohnerwesen",
      lemgo,
    );
    expect(
      overview
        .json<{ items: Array<{ organisationKey: string }> }>()
        .items.map((item) => item.organisationKey),
    ).toEqual([BLOMBERG]);
  });

  it("reports progress per Kreis and lists who has not submitted", async () => {
    const progress = await inject("GET", `/api/campaigns/${campaign.id}/progress`, analyst);
    const body = progress.json<{
      total: number;
      counts: Record<string, number>;
      byKreis: Array<{ key: string }>;
      reminders: Array<{ key: string }>;
    }>();
    expect(body.total).toBe(17);
    // The 16 Kommunen nobody answered for are „nicht begonnen“, not „in Bearbeitung“.
    expect(body.counts).toEqual({
      not_started: 16,
      draft: 0,
      submitted: 0,
      accepted: 1,
      returned: 0,
    });
    expect(body.byKreis.map((group) => group.key)).toEqual(["05766"]);
    expect(body.reminders).toHaveLength(16);
    const xlsx = await inject("GET", `/api/campaigns/${campaign.id}/export.xlsx`, analyst);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("load", () => {
  it(
    "keeps every answer of all 427 Kommunen submitting at once",
    { timeout: 120_000 },
    async () => {
      const created = await inject(
        "POST",
        "/api/campaigns",
        analyst,
        buildCampaignInput({ title: "Ganz NRW", target: { kind: "all" } }),
      );
      const id = created.json<Campaign>().id;
      expect((await inject("POST", `/api/campaigns/${id}/start`, analyst)).json()).toEqual({
        responses: 427,
      });
      const responses = await server.db.query<{
        id: number;
        organisation_key: string;
        kind: string;
        municipality_type: string | null;
      }>(sql`
      SELECT r.id, r.organisation_key, o.kind, o.municipality_type FROM survey_response r JOIN organisation o ON o.key = r.organisation_key
      WHERE r.campaign_id = ${id} ORDER BY r.organisation_key`);
      const tokens = responses.map((response) => ({ ...response, secret: newSecret() }));
      await server.db.transaction(async (tx) => {
        for (const entry of tokens) {
          await createSurveyToken(tx, {
            tokenHash: hashSecret(entry.secret),
            responseId: entry.id,
            label: entry.organisation_key,
            createdBy: "last",
            expiresAt: "2099-01-01T00:00:00Z",
          });
        }
      });
      const answersOf = (entry: (typeof tokens)[number], index: number) => {
        const isKreis = entry.kind === "kreis";
        const hasKfz =
          isKreis ||
          entry.municipality_type === "kreisfreie_stadt" ||
          entry.municipality_type === "grosse_kreisangehoerige_stadt";
        return {
          ansprechperson: `Kontakt ${entry.organisation_key}`,
          ...(isKreis ? {} : { "ew-betrieb": "land", "ew-personal": index }),
          ...(hasKfz ? { "kfz-betrieb": "efa_dienst" } : {}),
        };
      };
      const results = await Promise.all(
        tokens.map(async (entry, index) => {
          const headers = { "x-survey-token": entry.secret };
          const saved = await inject("PUT", "/api/survey/token/answers", headers, {
            answers: answersOf(entry, index),
          });
          const submitted = await inject("POST", "/api/survey/token/submit", headers);
          return [saved.statusCode, submitted.statusCode, submitted.body] as const;
        }),
      );
      expect(results.filter(([saved, submitted]) => saved !== 200 || submitted !== 200)).toEqual(
        [],
      );
      const stored = await listCampaignAnswers(server.db, id, ["submitted"]);
      const byKommune = new Map<string, Record<string, unknown>>();
      for (const answer of stored)
        byKommune.set(answer.organisationKey, {
          ...byKommune.get(answer.organisationKey),
          [answer.questionKey]: answer.value,
        });
      expect(byKommune.size).toBe(427);
      tokens.forEach((entry, index) =>
        expect(byKommune.get(entry.organisation_key)).toEqual(answersOf(entry, index)),
      );
    },
  );
});
