import { specialisationPreset, type Sourcing } from "@it-atlas/domain";
import {
  createApiToken,
  createCampaign,
  createNotifications,
  createScenario,
  createSurveyToken,
  createUser,
  enqueueJob,
  findResponse,
  saveAnswers,
  saveStrategyDraft,
  setResponseStatus,
  sql,
  startCampaign,
} from "@it-atlas/db";
import { hashPassword } from "./passwords.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { buildCampaignInput } from "../testing/surveyFactories.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword, type TestSession } from "../testing/passwordSignIn.ts";
import { authHeaders, type TestRole } from "../testing/signedIn.ts";
import { nextTotpCode } from "../testing/totp.ts";
import { useTestApp } from "../testing/testApp.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../config.ts";

// Uploads are queued here without running their jobs: more than the default two per account.
const server = useTestApp({
  uploads: { ...DEFAULT_UPLOAD_LIMITS, concurrentImports: 20 },
});

/** A draft campaign for Kreis Lippe with one general question (no audit record). */
async function draftCampaign(): Promise<number> {
  const input = buildCampaignInput();
  return server.db.transaction((tx) =>
    createCampaign(tx, { ...input, questions: input.questions.slice(0, 1) }, "test"),
  );
}

/** A running campaign and Detmold's response in it. */
async function runningCampaign(): Promise<{ id: number; responseId: number }> {
  const id = await draftCampaign();
  await server.db.transaction((tx) => startCampaign(tx, id));
  const response = await findResponse(server.db, id, "05766020");
  return { id, responseId: response?.id ?? 0 };
}

type Caller =
  | "anonymous"
  | "leser"
  | "kommune_detmold"
  | "kommune_lemgo"
  | "dienstleister_owl"
  | "analyst"
  | "admin";
const CALLERS: Caller[] = [
  "anonymous",
  "leser",
  "kommune_detmold",
  "kommune_lemgo",
  "dienstleister_owl",
  "analyst",
  "admin",
];
const ROLES: Record<Exclude<Caller, "anonymous">, TestRole> = {
  leser: "leser",
  kommune_detmold: { kommune: "05766020" },
  kommune_lemgo: { kommune: "05766044" },
  dienstleister_owl: { dienstleister: "owl-it" },
  analyst: "kdn_analyst",
  admin: "administrator",
};
const correctionSample = {
  type: "membership_add",
  organisationKey: "05766020",
  providerId: "sit",
  relation: "kunde",
  source: { url: "https://example.org/beleg", evidenceDate: "2026-01-01" },
};
const SIGNED_IN: Caller[] = CALLERS.filter((caller) => caller !== "anonymous");
const SCENARIO_WRITERS: Caller[] = ["analyst", "admin"];
/** Roles that write imported data (Bezüge, offers, master data) may upload and commit. */
const IMPORTERS: Caller[] = ["kommune_detmold", "kommune_lemgo", "dienstleister_owl", "admin"];

/** A stored scenario (no audit record), for write samples. */
async function storedScenario(): Promise<number> {
  return server.db.transaction((tx) =>
    createScenario(
      tx,
      {
        name: "Probe",
        description: null,
        definition: specialisationPreset("2026-01-01"),
        assignments: [],
      },
      "test",
    ),
  );
}

/**
 * Who may call each route. A route without an entry fails the test: adding a route means
 * deciding who may use it. Paths use a Detmold example where a route is scoped to a Kommune.
 */
const MATRIX: Record<string, { path: string; allowed: Caller[] }> = {
  "GET /api/health": { path: "/api/health", allowed: CALLERS },
  "GET /api/stats": { path: "/api/stats", allowed: CALLERS },
  "GET /api/sources": { path: "/api/sources", allowed: CALLERS },
  "GET /api/organisations": { path: "/api/organisations", allowed: CALLERS },
  "GET /api/organisations/:ags": { path: "/api/organisations/05766020", allowed: CALLERS },
  "GET /api/providers": { path: "/api/providers", allowed: CALLERS },
  "GET /api/providers/:id": { path: "/api/providers/owl-it", allowed: CALLERS },
  "GET /api/ozg/themenfelder": { path: "/api/ozg/themenfelder", allowed: CALLERS },
  "GET /api/ozg/leistungen": { path: "/api/ozg/leistungen", allowed: CALLERS },
  "GET /api/ozg/leistungen/:id": { path: "/api/ozg/leistungen/10000", allowed: CALLERS },
  "GET /api/geo/:level": { path: "/api/geo/regierungsbezirk", allowed: CALLERS },
  "GET /api/domains": { path: "/api/domains", allowed: CALLERS },
  "GET /api/products": { path: "/api/products", allowed: CALLERS },
  "GET /api/domains/:id": { path: "/api/domains/einwohnerwesen", allowed: SIGNED_IN },
  "GET /api/landscape": {
    path: "/api/landscape?domain=einwohnerwesen&kreis=05766",
    allowed: SIGNED_IN,
  },
  "GET /api/landscape/diff": {
    path: "/api/landscape/diff?from=2017-12-31&kreis=05766",
    allowed: SIGNED_IN,
  },
  "GET /api/analysis/fragmentation": {
    path: "/api/analysis/fragmentation?asOf=2024-06-30",
    allowed: SIGNED_IN,
  },
  "GET /api/analysis/domains/:id": {
    path: "/api/analysis/domains/einwohnerwesen",
    allowed: SIGNED_IN,
  },
  "GET /api/analysis/providers/:id": {
    path: "/api/analysis/providers/owl-it",
    allowed: SIGNED_IN,
  },
  "GET /api/analysis/cost-curves": { path: "/api/analysis/cost-curves", allowed: SIGNED_IN },
  "GET /api/analysis/cost-curves/:id": {
    path: "/api/analysis/cost-curves/einwohnerwesen",
    allowed: SIGNED_IN,
  },
  "GET /api/organisations/:ags/sourcing": {
    path: "/api/organisations/05766020/sourcing",
    allowed: SIGNED_IN,
  },
  "GET /api/organisations/:ags/sourcing/history": {
    path: "/api/organisations/05766020/sourcing/history",
    allowed: SIGNED_IN,
  },
  "PUT /api/organisations/:ags/sourcing/:domainId": {
    path: "/api/organisations/05766020/sourcing/einwohnerwesen",
    allowed: ["kommune_detmold", "admin"],
  },
  "GET /api/providers/:id/offers": { path: "/api/providers/owl-it/offers", allowed: SIGNED_IN },
  "GET /api/reorganisations": { path: "/api/reorganisations", allowed: SIGNED_IN },
  "POST /api/reorganisations/preview": {
    path: "/api/reorganisations/preview",
    allowed: ["analyst", "admin"],
  },
  "POST /api/reorganisations": { path: "/api/reorganisations", allowed: ["admin"] },
  "GET /api/auth/session": { path: "/api/auth/session", allowed: CALLERS },
  "GET /api/auth/oidc": { path: "/api/auth/oidc", allowed: CALLERS },
  "GET /api/auth/oidc/start": { path: "/api/auth/oidc/start", allowed: CALLERS },
  "GET /api/auth/oidc/callback": { path: "/api/auth/oidc/callback", allowed: CALLERS },
  "POST /api/auth/login": { path: "/api/auth/login", allowed: CALLERS },
  "POST /api/auth/logout": { path: "/api/auth/logout", allowed: CALLERS },
  "POST /api/auth/password-reset/confirm": {
    path: "/api/auth/password-reset/confirm",
    allowed: CALLERS,
  },
  "POST /api/auth/invitation/accept": { path: "/api/auth/invitation/accept", allowed: CALLERS },
  "GET /api/me/tokens": { path: "/api/me/tokens", allowed: SIGNED_IN },
  "POST /api/me/tokens": { path: "/api/me/tokens", allowed: SIGNED_IN },
  "POST /api/me/password": { path: "/api/me/password", allowed: SIGNED_IN },
  "DELETE /api/me/tokens/:id": { path: "/api/me/tokens/999999", allowed: SIGNED_IN },
  // The second factor is managed only in a web session: no token caller may (ADR 0029).
  "GET /api/me/totp": { path: "/api/me/totp", allowed: [] },
  "POST /api/me/totp/setup": { path: "/api/me/totp/setup", allowed: [] },
  "POST /api/me/totp/confirm": { path: "/api/me/totp/confirm", allowed: [] },
  "POST /api/me/totp/recovery-codes": { path: "/api/me/totp/recovery-codes", allowed: [] },
  "POST /api/me/totp/disable": { path: "/api/me/totp/disable", allowed: [] },
  "POST /api/auth/login/second-factor": { path: "/api/auth/login/second-factor", allowed: CALLERS },
  "GET /api/admin/users": { path: "/api/admin/users", allowed: ["admin"] },
  "POST /api/admin/users": { path: "/api/admin/users", allowed: ["admin"] },
  "PUT /api/admin/users/:id": { path: "/api/admin/users/999999", allowed: ["admin"] },
  "POST /api/admin/users/:id/password-reset": {
    path: "/api/admin/users/999999/password-reset",
    allowed: ["admin"],
  },
  "GET /api/audit": { path: "/api/audit", allowed: ["admin"] },
  "GET /api/audit.csv": { path: "/api/audit.csv", allowed: ["admin"] },
  // OZG-Umsetzung: landscape data for everyone signed in; a Kommune's status for its editor.
  "GET /api/ozg/readiness": {
    path: "/api/ozg/readiness?regierungsbezirk=059&dienst=epayment-nrw&status=nicht_angebunden",
    allowed: SIGNED_IN,
  },
  "GET /api/ozg/readiness.csv": {
    path: "/api/ozg/readiness.csv?regierungsbezirk=059&dienst=epayment-nrw",
    allowed: SIGNED_IN,
  },
  "GET /api/ozg/readiness/services": { path: "/api/ozg/readiness/services", allowed: SIGNED_IN },
  "GET /api/ozg/kommunen/:ags": { path: "/api/ozg/kommunen/05766020", allowed: SIGNED_IN },
  "GET /api/ozg/leistungen/:ozgId/adoption-history": {
    path: "/api/ozg/leistungen/10124/adoption-history?kommune=05766020",
    allowed: SIGNED_IN,
  },
  "PUT /api/ozg/kommunen/:ags/leistungen/:ozgId": {
    path: "/api/ozg/kommunen/05766020/leistungen/10124",
    allowed: ["kommune_detmold", "admin"],
  },
  "PUT /api/ozg/kommunen/:ags/checkliste/:component": {
    path: "/api/ozg/kommunen/05766020/checkliste/epayment",
    allowed: ["kommune_detmold", "admin"],
  },
  "GET /api/ozg/online-services": { path: "/api/ozg/online-services", allowed: SIGNED_IN },
  "GET /api/ozg/online-services/:id": {
    path: "/api/ozg/online-services/epayment-nrw",
    allowed: SIGNED_IN,
  },
  "PUT /api/ozg/online-services/:id": {
    path: "/api/ozg/online-services/epayment-nrw",
    allowed: ["admin"],
  },
  "GET /api/ozg/responsibility-rules": {
    path: "/api/ozg/responsibility-rules",
    allowed: SIGNED_IN,
  },
  "PUT /api/ozg/responsibility-rules/leika-typ/:leikaType": {
    path: "/api/ozg/responsibility-rules/leika-typ/5",
    allowed: ["admin"],
  },
  "PUT /api/ozg/responsibility-rules/leistung/:ozgId": {
    path: "/api/ozg/responsibility-rules/leistung/10124",
    allowed: ["admin"],
  },
  "DELETE /api/ozg/responsibility-rules/leistung/:ozgId": {
    path: "/api/ozg/responsibility-rules/leistung/999999",
    allowed: ["admin"],
  },
  "GET /api/ozg/adoption/template.csv": {
    path: "/api/ozg/adoption/template.csv?ags=05766020",
    allowed: SIGNED_IN,
  },
  // Kommune-Bearbeiter may import; each row is then checked against their Kommune.
  "POST /api/ozg/adoption/import/preview": {
    path: "/api/ozg/adoption/import/preview",
    allowed: ["kommune_detmold", "kommune_lemgo", "admin"],
  },
  "POST /api/ozg/adoption/import": {
    path: "/api/ozg/adoption/import",
    allowed: ["kommune_detmold", "kommune_lemgo", "admin"],
  },
  "GET /api/exchange/offers": { path: "/api/exchange/offers", allowed: SIGNED_IN },
  "GET /api/exchange/offers/:id": { path: "/api/exchange/offers/999999", allowed: SIGNED_IN },
  "POST /api/providers/:id/exchange-offers": {
    path: "/api/providers/owl-it/exchange-offers",
    allowed: ["dienstleister_owl", "admin"],
  },
  "PUT /api/providers/:id/exchange-offers/:offerId": {
    path: "/api/providers/owl-it/exchange-offers/999999",
    allowed: ["dienstleister_owl", "admin"],
  },
  // Scoped by the Kommune or provider in the body: with the empty body of this test only the
  // administrator passes (Kommune and provider editors: ozgExchangeRoutes.test.ts).
  "POST /api/exchange/offers/:id/interests": {
    path: "/api/exchange/offers/999999/interests",
    allowed: ["admin"],
  },
  "POST /api/exchange/offers/:id/agreements": {
    path: "/api/exchange/offers/999999/agreements",
    allowed: ["admin"],
  },
  "GET /api/jobs": { path: "/api/jobs", allowed: SIGNED_IN },
  "GET /api/jobs/:id": { path: "/api/jobs/999999", allowed: SIGNED_IN },
  "POST /api/jobs/:id/cancel": { path: "/api/jobs/999999/cancel", allowed: SIGNED_IN },
  "GET /api/export/landscape": {
    path: "/api/export/landscape?format=csv&kreis=05766&domain=einwohnerwesen",
    allowed: SIGNED_IN,
  },
  "GET /api/export/workbook": { path: "/api/export/workbook", allowed: SIGNED_IN },
  "GET /api/export/sheets/:entity": {
    path: "/api/export/sheets/offers?format=csv",
    allowed: SIGNED_IN,
  },
  "GET /api/campaigns": { path: "/api/campaigns", allowed: ["analyst", "admin"] },
  "POST /api/campaigns": { path: "/api/campaigns", allowed: ["analyst", "admin"] },
  "GET /api/campaigns/:id": { path: "/api/campaigns/999999", allowed: ["analyst", "admin"] },
  "PUT /api/campaigns/:id": { path: "/api/campaigns/999999", allowed: ["analyst", "admin"] },
  "POST /api/campaigns/:id/start": {
    path: "/api/campaigns/999999/start",
    allowed: ["analyst", "admin"],
  },
  "GET /api/campaigns/:id/progress": {
    path: "/api/campaigns/999999/progress",
    allowed: ["analyst", "admin"],
  },
  "GET /api/campaigns/:id/results": { path: "/api/campaigns/999999/results", allowed: SIGNED_IN },
  "GET /api/campaigns/:id/export.xlsx": {
    path: "/api/campaigns/999999/export.xlsx",
    allowed: ["analyst", "admin"],
  },
  "GET /api/campaigns/:id/responses/:ags": {
    path: "/api/campaigns/999999/responses/05766020",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  "PUT /api/campaigns/:id/responses/:ags/answers": {
    path: "/api/campaigns/999999/responses/05766020/answers",
    allowed: ["kommune_detmold", "admin"],
  },
  "POST /api/campaigns/:id/responses/:ags/submit": {
    path: "/api/campaigns/999999/responses/05766020/submit",
    allowed: ["kommune_detmold", "admin"],
  },
  "POST /api/campaigns/:id/responses/:ags/comments": {
    path: "/api/campaigns/999999/responses/05766020/comments",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  "PUT /api/campaigns/:id/responses/:ags/delegations": {
    path: "/api/campaigns/999999/responses/05766020/delegations",
    allowed: ["kommune_detmold", "admin"],
  },
  "POST /api/campaigns/:id/responses/:ags/tokens": {
    path: "/api/campaigns/999999/responses/05766020/tokens",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  "POST /api/campaigns/:id/responses/:ags/review": {
    path: "/api/campaigns/999999/responses/05766020/review",
    allowed: ["analyst", "admin"],
  },
  "POST /api/campaigns/:id/responses/:ags/apply": {
    path: "/api/campaigns/999999/responses/05766020/apply",
    allowed: ["analyst", "admin"],
  },
  "GET /api/organisations/:ags/survey-responses": {
    path: "/api/organisations/05766020/survey-responses",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  // Personal links: open routes; the handler admits only a valid link's holder (404 otherwise).
  "GET /api/survey/token": { path: "/api/survey/token", allowed: CALLERS },
  "PUT /api/survey/token/answers": { path: "/api/survey/token/answers", allowed: CALLERS },
  "POST /api/survey/token/submit": { path: "/api/survey/token/submit", allowed: CALLERS },
  "POST /api/survey/token/comments": { path: "/api/survey/token/comments", allowed: CALLERS },
  "GET /api/organisations/:ags/strategies": {
    path: "/api/organisations/05766020/strategies",
    allowed: SIGNED_IN,
  },
  "GET /api/organisations/:ags/strategy/suggestions": {
    path: "/api/organisations/05766020/strategy/suggestions",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  "PUT /api/organisations/:ags/strategy/draft": {
    path: "/api/organisations/05766020/strategy/draft",
    allowed: ["kommune_detmold", "admin"],
  },
  "POST /api/organisations/:ags/strategy/adopt": {
    path: "/api/organisations/05766020/strategy/adopt",
    allowed: ["kommune_detmold", "admin"],
  },
  "GET /api/organisations/:ags/strategies/:version/pdf": {
    path: "/api/organisations/05766020/strategies/1/pdf",
    allowed: SIGNED_IN,
  },
  "GET /api/strategies/decisions": { path: "/api/strategies/decisions", allowed: SIGNED_IN },
  "GET /api/export/geojson": { path: "/api/export/geojson?level=kreis", allowed: SIGNED_IN },
  "GET /api/export/archimate": { path: "/api/export/archimate", allowed: SIGNED_IN },
  "GET /api/imports/templates/:entity": {
    path: "/api/imports/templates/sourcing",
    allowed: SIGNED_IN,
  },
  // Kennzahlen: figures for everyone signed in (costs redacted per viewer); snapshots by KDN.
  "GET /api/kpi/current": { path: "/api/kpi/current?level=kreis", allowed: SIGNED_IN },
  "GET /api/kpi/snapshots": {
    path: "/api/kpi/snapshots?level=kreis&key=05766",
    allowed: SIGNED_IN,
  },
  "POST /api/kpi/snapshots": { path: "/api/kpi/snapshots", allowed: ["analyst", "admin"] },
  // Expertenverzeichnis: personal data, seen by the Kommune itself, KDN and administrators.
  "GET /api/organisations/:ags/experts": {
    path: "/api/organisations/05766020/experts",
    allowed: ["kommune_detmold", "analyst", "admin"],
  },
  "POST /api/organisations/:ags/experts": {
    path: "/api/organisations/05766020/experts",
    allowed: ["kommune_detmold", "admin"],
  },
  "PUT /api/organisations/:ags/experts/:id": {
    path: "/api/organisations/05766020/experts/999999",
    allowed: ["kommune_detmold", "admin"],
  },
  "DELETE /api/organisations/:ags/experts/:id": {
    path: "/api/organisations/05766020/experts/999999",
    allowed: ["kommune_detmold", "admin"],
  },
  "GET /api/reports/landscape": {
    path: "/api/reports/landscape?level=kreis&key=05766",
    allowed: SIGNED_IN,
  },
  "GET /api/reports/kommunen/:ags": { path: "/api/reports/kommunen/05766020", allowed: SIGNED_IN },
  "GET /api/reports/progress": {
    path: "/api/reports/progress?level=kreis&key=05766",
    allowed: SIGNED_IN,
  },
  // Anyone signed in may check a file; rows are written only for Kommunen the user may edit.
  "POST /api/imports": { path: "/api/imports?fileName=a.csv", allowed: IMPORTERS },
  "POST /api/imports/:id/commit": { path: "/api/imports/999999/commit", allowed: IMPORTERS },
  // Veränderungsprozess: everyone signed in reads and comments; KDN steers measures and decisions.
  "GET /api/measures": { path: "/api/measures", allowed: SIGNED_IN },
  "GET /api/measures/roadmap": { path: "/api/measures/roadmap", allowed: SIGNED_IN },
  "GET /api/measures/assignable-users": {
    path: "/api/measures/assignable-users",
    allowed: SIGNED_IN,
  },
  "GET /api/measures/:id": { path: "/api/measures/999999", allowed: SIGNED_IN },
  "POST /api/measures": { path: "/api/measures", allowed: ["analyst", "admin"] },
  "POST /api/measures/from-migrations": {
    path: "/api/measures/from-migrations",
    allowed: ["analyst", "admin"],
  },
  "PUT /api/measures/:id": { path: "/api/measures/999999", allowed: ["analyst", "admin"] },
  "DELETE /api/measures/:id": { path: "/api/measures/999999", allowed: ["analyst", "admin"] },
  "PUT /api/measures/:id/dependencies": {
    path: "/api/measures/999999/dependencies",
    allowed: ["analyst", "admin"],
  },
  "POST /api/measures/:id/milestones": {
    path: "/api/measures/999999/milestones",
    allowed: ["analyst", "admin"],
  },
  "PUT /api/measures/:id/milestones/:milestoneId": {
    path: "/api/measures/999999/milestones/1",
    allowed: ["analyst", "admin"],
  },
  "DELETE /api/measures/:id/milestones/:milestoneId": {
    path: "/api/measures/999999/milestones/1",
    allowed: ["analyst", "admin"],
  },
  "GET /api/governance/bodies": { path: "/api/governance/bodies", allowed: SIGNED_IN },
  "POST /api/governance/bodies": {
    path: "/api/governance/bodies",
    allowed: ["analyst", "admin"],
  },
  "GET /api/governance/decisions": { path: "/api/governance/decisions", allowed: SIGNED_IN },
  "POST /api/governance/decisions": {
    path: "/api/governance/decisions",
    allowed: ["analyst", "admin"],
  },
  "GET /api/comments": {
    path: "/api/comments?targetType=scenario&targetId=matrix",
    allowed: SIGNED_IN,
  },
  "POST /api/comments": { path: "/api/comments", allowed: SIGNED_IN },
  // Corrections: proposed by a Kommune's or provider's editors (the service checks the target),
  // decided by KDN; the membership history is public.
  "GET /api/corrections": { path: "/api/corrections", allowed: SIGNED_IN },
  "GET /api/corrections/:id": { path: "/api/corrections/999999", allowed: SIGNED_IN },
  "POST /api/corrections": {
    path: "/api/corrections",
    allowed: ["kommune_detmold", "kommune_lemgo", "dienstleister_owl", "admin"],
  },
  "POST /api/corrections/:id/decision": {
    path: "/api/corrections/999999/decision",
    allowed: ["analyst", "admin"],
  },
  "GET /api/organisations/:ags/membership-history": {
    path: "/api/organisations/05766020/membership-history",
    allowed: CALLERS,
  },
  "GET /api/datenlage": { path: "/api/datenlage", allowed: CALLERS },
  "GET /api/notifications": { path: "/api/notifications", allowed: SIGNED_IN },
  "POST /api/notifications/read": { path: "/api/notifications/read", allowed: SIGNED_IN },
  // Scenarios: everyone signed in reads (costs redacted), KDN analysts and admins write and run.
  "GET /api/scenarios": { path: "/api/scenarios", allowed: SIGNED_IN },
  "POST /api/scenarios": { path: "/api/scenarios", allowed: SCENARIO_WRITERS },
  // An invalid date answers 400 after the access check, without fitting the curves.
  "GET /api/scenarios/defaults": {
    path: "/api/scenarios/defaults?baseDate=kein-datum",
    allowed: SCENARIO_WRITERS,
  },
  "GET /api/scenarios/compare": { path: "/api/scenarios/compare?ids=999999", allowed: SIGNED_IN },
  "GET /api/scenarios/compare/xlsx": {
    path: "/api/scenarios/compare/xlsx?ids=999999",
    allowed: SIGNED_IN,
  },
  "GET /api/scenarios/compare/pdf": {
    path: "/api/scenarios/compare/pdf?ids=999999",
    allowed: SIGNED_IN,
  },
  "GET /api/scenarios/:id": { path: "/api/scenarios/999999", allowed: SIGNED_IN },
  "PUT /api/scenarios/:id": { path: "/api/scenarios/999999", allowed: SCENARIO_WRITERS },
  "DELETE /api/scenarios/:id": { path: "/api/scenarios/999999", allowed: SCENARIO_WRITERS },
  "PUT /api/scenarios/:id/target": {
    path: "/api/scenarios/999999/target",
    allowed: SCENARIO_WRITERS,
  },
  "POST /api/scenarios/:id/run": { path: "/api/scenarios/999999/run", allowed: SCENARIO_WRITERS },
  "POST /api/scenarios/:id/pareto": {
    path: "/api/scenarios/999999/pareto",
    allowed: SCENARIO_WRITERS,
  },
  "GET /api/scenarios/:id/results": { path: "/api/scenarios/999999/results", allowed: SIGNED_IN },
  "GET /api/scenarios/:id/results/latest": {
    path: "/api/scenarios/999999/results/latest",
    allowed: SIGNED_IN,
  },
  "GET /api/scenarios/:id/pareto": { path: "/api/scenarios/999999/pareto", allowed: SIGNED_IN },
};

const headers = new Map<Caller, Record<string, string>>();

const TOTP_PASSWORD = "Zwei-Faktor-Probe-Passwort-7";
let totpAccounts = 0;

/** A Leser with a password, signed in through the API (a web session). */
async function totpAccount(): Promise<TestSession> {
  totpAccounts += 1;
  const email = `totp-${totpAccounts}-${Date.now()}@example.org`;
  const passwordHash = await hashPassword(TOTP_PASSWORD);
  await server.db.transaction((tx) =>
    createUser(tx, {
      email,
      displayName: "Zwei Faktor",
      passwordHash,
      status: "active",
      roles: [{ role: "leser", organisationKey: null, providerId: null }],
    }),
  );
  return signInWithPassword(server.app, { email, password: TOTP_PASSWORD });
}

/** Sets up and confirms TOTP through the API; returns the secret. */
async function enrolThroughApi(sessionHeaders: Record<string, string>): Promise<string> {
  const setup = await server.app.inject({
    method: "POST",
    url: "/api/me/totp/setup",
    headers: sessionHeaders,
  });
  const secret = setup.json<{ secret: string }>().secret;
  const confirmed = await server.app.inject({
    method: "POST",
    url: "/api/me/totp/confirm",
    headers: sessionHeaders,
    payload: { code: await nextTotpCode(secret) },
  });
  expect(confirmed.statusCode).toBe(200);
  return secret;
}

beforeAll(async () => {
  headers.set("anonymous", {});
  for (const [caller, role] of Object.entries(ROLES) as Array<
    [Exclude<Caller, "anonymous">, TestRole]
  >) {
    headers.set(caller, await authHeaders(server.db, role));
  }
});

describe("authorization matrix", () => {
  it("has an entry for every API route", () => {
    const registered = server.app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort();
    expect(registered.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it.each(Object.entries(MATRIX))(
    "%s allows exactly its roles",
    async (route, { path, allowed }) => {
      const method = route.split(" ")[0] as "GET" | "POST" | "PUT" | "DELETE";
      for (const caller of CALLERS) {
        // An empty body: allowed callers then get past authorization (and fail validation).
        const response = await server.app.inject({
          method,
          url: path,
          headers: headers.get(caller),
          ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }),
        });
        if (allowed.includes(caller)) {
          expect([401, 403], `${caller} sollte ${route} dürfen`).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, `${caller} darf ${route} nicht`).toBe(
            caller === "anonymous" ? 401 : 403,
          );
          expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
          expect(response.json<{ code: string }>().code).toBe(
            caller === "anonymous" ? "unauthenticated" : "forbidden",
          );
        }
      }
    },
  );
});

describe("confidentiality", () => {
  async function landscapeAs(caller: Caller, query: string): Promise<Sourcing[]> {
    const response = await server.app.inject({
      url: `/api/landscape?${query}&pageSize=5000`,
      headers: headers.get(caller),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Sourcing[] }>().items;
  }

  it("shows a provider the costs only of the services it provides to a Kommune", async () => {
    const items = await landscapeAs("dienstleister_owl", "organisation=05766020");
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      if (item.provider?.id === "owl-it") {
        expect(item.confidentialHidden).toBe(false);
        expect(item.annualCost).not.toBeNull();
      } else {
        expect(item).toMatchObject({
          confidentialHidden: true,
          annualCost: null,
          volume: null,
          runningCost: null,
        });
      }
    }
    expect(items.some((item) => item.provider?.id !== "owl-it")).toBe(true);
  });

  it("shows a Kommune its own costs but not another Kommune's", async () => {
    const own = await landscapeAs("kommune_detmold", "organisation=05766020");
    expect(own.every((item) => item.annualCost !== null)).toBe(true);
    const other = await landscapeAs("kommune_detmold", "organisation=05766044");
    expect(other.every((item) => item.annualCost === null && item.confidentialHidden)).toBe(true);
  });

  it("hides costs from readers in the matrix, history and diff as well", async () => {
    const leser = headers.get("leser");
    const matrix = await server.app.inject({
      url: "/api/organisations/05766020/sourcing",
      headers: leser,
    });
    const history = await server.app.inject({
      url: "/api/organisations/05766020/sourcing/history",
      headers: leser,
    });
    const diff = await server.app.inject({
      url: "/api/landscape/diff?from=2017-12-31&kreis=05766",
      headers: leser,
    });
    for (const response of [matrix, history, diff]) {
      expect(response.statusCode).toBe(200);
      expect(JSON.stringify(response.json())).not.toMatch(
        /"(annualCost|runningCost|investmentCost|volume)":\d/,
      );
    }
  });

  it("gives anonymous callers no cost or volume through any route", async () => {
    for (const [route, { path }] of Object.entries(MATRIX)) {
      if (!route.startsWith("GET ")) continue;
      const response = await server.app.inject({ url: path });
      expect(response.body, route).not.toMatch(
        /"(annualCost|runningCost|investmentCost|volume|fixedPrice)":\d/,
      );
    }
  });

  it("withholds cost aggregates of small groups in domain summaries", async () => {
    const response = await server.app.inject({
      url: "/api/domains/einwohnerwesen?kreis=05766",
      headers: headers.get("leser"),
    });
    const summary = response.json<{
      summary: {
        restricted: boolean;
        costPerUnit: { min: number | null } | null;
        byProvider: Array<{ count: number; cost: number | null }>;
      };
    }>().summary;
    expect(summary.restricted).toBe(true);
    expect(summary.costPerUnit?.min ?? null).toBeNull();
    for (const group of summary.byProvider) if (group.count < 3) expect(group.cost).toBeNull();
  });
});

const EXPERT = {
  role: "it_leitung",
  name: "Max Beispiel",
  function: "IT-Leitung",
  email: "it@example.org",
};

/** An expert of Detmold created through the API (its audit record comes before the count). */
async function createExpert(): Promise<number> {
  const created = await server.app.inject({
    method: "POST",
    url: "/api/organisations/05766020/experts",
    headers: headers.get("admin"),
    payload: EXPERT,
  });
  return created.json<{ id: number }>().id;
}

describe("audit trail", () => {
  /** A measure created by the administrator (its own audit record is written before counting). */
  async function adminMeasure(): Promise<number> {
    const response = await server.app.inject({
      method: "POST",
      url: "/api/measures",
      headers: headers.get("admin"),
      payload: { title: `Maßnahme ${Date.now()}` },
    });
    return response.json<{ id: number }>().id;
  }

  /** A measure with one milestone: [measure id, milestone id]. */
  async function adminMilestone(): Promise<[number, number]> {
    const id = await adminMeasure();
    const response = await server.app.inject({
      method: "POST",
      url: `/api/measures/${id}/milestones`,
      headers: headers.get("admin"),
      payload: { title: "Meilenstein", dueDate: "2027-06-30" },
    });
    return [id, response.json<{ id: number }>().id];
  }

  /** A valid request per write route; a write route without one fails the test. */
  const WRITES: Record<
    string,
    () => Promise<{
      method: "POST" | "PUT" | "DELETE";
      url: string;
      payload?: object;
      headers?: Record<string, string>;
      /** Sent instead of the administrator's token (routes for web sessions only). */
      sessionHeaders?: Record<string, string>;
      /** Audited entity; "" for a request that must record nothing. */
      entityType: string;
      /** The answer of a request that records nothing (refusal or preview), asserted exactly. */
      status?: number;
    }>
  > = {
    "PUT /api/organisations/:ags/sourcing/:domainId": async () => ({
      method: "PUT",
      url: "/api/organisations/05766020/sourcing/einwohnerwesen",
      payload: { operatingModel: "eigenbetrieb", runningCost: 100_000, validFrom: "2026-10-01" },
      entityType: "sourcing",
    }),
    "POST /api/reorganisations": async () => ({
      method: "POST",
      url: "/api/reorganisations",
      payload: {
        kind: "member_move",
        sourceProviderIds: ["owl-it"],
        target: { providerId: "sit" },
        organisationKey: "05766020",
        effectiveDate: "2026-11-01",
      },
      entityType: "reorganisation",
    }),
    "POST /api/reorganisations/preview": async () => ({
      method: "POST",
      url: "/api/reorganisations/preview",
      payload: {
        kind: "member_move",
        sourceProviderIds: ["owl-it"],
        target: { providerId: "sit" },
        organisationKey: "05766044",
        effectiveDate: "2026-11-01",
      },
      entityType: "",
      status: 200,
    }),
    "POST /api/me/tokens": async () => ({
      method: "POST",
      url: "/api/me/tokens",
      payload: { name: "Audit-Test" },
      entityType: "api_token",
    }),
    "POST /api/me/password": async () => {
      // An account with a password and a token of its own: the change needs the current one.
      const secret = `atlas_${newSecret()}`;
      const passwordHash = await hashPassword("Altes-Dachs-Passwort-7");
      await server.db.transaction(async (tx) => {
        const userId = await createUser(tx, {
          email: `passwort-${Date.now()}@example.org`,
          displayName: "Passwort Test",
          passwordHash,
          status: "active",
          roles: [{ role: "leser", organisationKey: null, providerId: null }],
        });
        await createApiToken(tx, {
          userId,
          name: "Test",
          tokenHash: hashSecret(secret),
          prefix: secret.slice(0, 12),
          expiresInDays: 1,
        });
      });
      return {
        method: "POST",
        url: "/api/me/password",
        headers: { authorization: `Bearer ${secret}` },
        payload: { currentPassword: "Altes-Dachs-Passwort-7", newPassword: "Neue-Gurke-Wiese-93" },
        entityType: "user",
      };
    },
    "DELETE /api/me/tokens/:id": async () => {
      const created = await server.app.inject({
        method: "POST",
        url: "/api/me/tokens",
        payload: { name: "Widerruf" },
        headers: headers.get("admin"),
      });
      return {
        method: "DELETE",
        url: `/api/me/tokens/${created.json<{ id: number }>().id}`,
        entityType: "api_token",
      };
    },
    "POST /api/admin/users": async () => ({
      method: "POST",
      url: "/api/admin/users",
      payload: {
        email: `neu-${Date.now()}@example.org`,
        displayName: "Neu",
        roles: [{ role: "leser" }],
      },
      entityType: "user",
    }),
    "PUT /api/admin/users/:id": async () => {
      const [user] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM app_user ORDER BY id LIMIT 1`,
      );
      return {
        method: "PUT",
        url: `/api/admin/users/${user?.id}`,
        payload: { displayName: "Geändert" },
        entityType: "user",
      };
    },
    "POST /api/admin/users/:id/password-reset": async () => {
      const [user] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM app_user ORDER BY id LIMIT 1`,
      );
      return {
        method: "POST",
        url: `/api/admin/users/${user?.id}/password-reset`,
        entityType: "user",
      };
    },
    "POST /api/jobs/:id/cancel": async () => {
      const me = await server.app.inject({
        url: "/api/auth/session",
        headers: headers.get("admin"),
      });
      const id = await enqueueJob(server.db, {
        kind: "test.nichts",
        payload: {},
        createdBy: me.json<{ user: { id: number } }>().user.id,
      });
      return { method: "POST", url: `/api/jobs/${id}/cancel`, entityType: "job" };
    },
    "POST /api/imports": async () => ({
      method: "POST",
      url: "/api/imports?fileName=audit.csv",
      payload: Buffer.from("AGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n"),
      headers: { "content-type": "text/csv" },
      entityType: "import",
    }),
    "POST /api/imports/:id/commit": async () => {
      const upload = await server.app.inject({
        method: "POST",
        url: "/api/imports?fileName=audit.csv",
        payload: Buffer.from("AGS;Leistungsbereich;Betriebsmodell;Gültig ab\r\n"),
        headers: { ...headers.get("admin"), "content-type": "text/csv" },
      });
      return {
        method: "POST",
        url: `/api/imports/${upload.json<{ uploadId: number }>().uploadId}/commit`,
        entityType: "import",
      };
    },
    "PUT /api/ozg/kommunen/:ags/leistungen/:ozgId": async () => ({
      method: "PUT",
      url: "/api/ozg/kommunen/05766020/leistungen/10124",
      payload: { status: "geplant", plannedDate: "2026-12-01", informationDate: "2026-02-01" },
      entityType: "ozg_adoption",
    }),
    "PUT /api/ozg/kommunen/:ags/checkliste/:component": async () => ({
      method: "PUT",
      url: "/api/ozg/kommunen/05766020/checkliste/xta",
      payload: {
        status: "online",
        onlineServiceId: "xta-transport",
        informationDate: "2026-02-01",
      },
      entityType: "ozg_onboarding",
    }),
    "PUT /api/ozg/online-services/:id": async () => ({
      method: "PUT",
      url: "/api/ozg/online-services/audit-dienst",
      payload: { name: "Audit-Dienst", kind: "onlinedienst", operatorName: "Test", maturity: 2 },
      entityType: "online_service",
    }),
    "PUT /api/ozg/responsibility-rules/leika-typ/:leikaType": async () => ({
      method: "PUT",
      url: "/api/ozg/responsibility-rules/leika-typ/6",
      payload: { responsibleTypes: [], basis: "Typ 6: unverändert, nur neu begründet." },
      entityType: "ozg_responsibility_rule",
    }),
    "PUT /api/ozg/responsibility-rules/leistung/:ozgId": async () => ({
      method: "PUT",
      url: "/api/ozg/responsibility-rules/leistung/10000",
      payload: {
        responsibleTypes: ["kreis", "kreisfreie_stadt"],
        basis: "Elterngeldstellen (Test)",
      },
      entityType: "ozg_responsibility_rule",
    }),
    "DELETE /api/ozg/responsibility-rules/leistung/:ozgId": async () => ({
      method: "DELETE",
      url: "/api/ozg/responsibility-rules/leistung/10439",
      entityType: "ozg_responsibility_rule",
    }),
    "POST /api/ozg/adoption/import/preview": async () => ({
      method: "POST",
      url: "/api/ozg/adoption/import/preview",
      payload: {
        fileName: "a.csv",
        content: Buffer.from("AGS;OZG-ID;Status;Stand\n05766020;10124;online;1.2.2026").toString(
          "base64",
        ),
      },
      entityType: "",
      status: 200,
    }),
    "POST /api/ozg/adoption/import": async () => ({
      method: "POST",
      url: "/api/ozg/adoption/import",
      payload: {
        fileName: "a.csv",
        content: Buffer.from("AGS;OZG-ID;Status;Stand\n05766020;10559;online;1.2.2026").toString(
          "base64",
        ),
      },
      entityType: "ozg_adoption_import",
    }),
    "POST /api/providers/:id/exchange-offers": async () => ({
      method: "POST",
      url: "/api/providers/owl-it/exchange-offers",
      payload: { domainId: "onlinedienste", title: "Audit-Angebot", validFrom: "2026-01-01" },
      entityType: "exchange_offer",
    }),
    "PUT /api/providers/:id/exchange-offers/:offerId": async () => {
      const created = await server.app.inject({
        method: "POST",
        url: "/api/providers/owl-it/exchange-offers",
        headers: headers.get("admin"),
        payload: { domainId: "onlinedienste", title: "Zu ändern", validFrom: "2026-01-01" },
      });
      return {
        method: "PUT",
        url: `/api/providers/owl-it/exchange-offers/${created.json<{ id: number }>().id}`,
        payload: { domainId: "onlinedienste", title: "Geändert", validFrom: "2026-01-01" },
        entityType: "exchange_offer",
      };
    },
    "POST /api/exchange/offers/:id/interests": async () => {
      const [offer] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM exchange_offer WHERE status = 'veroeffentlicht' ORDER BY id LIMIT 1`,
      );
      return {
        method: "POST",
        url: `/api/exchange/offers/${offer?.id}/interests`,
        payload: { organisationKey: "05766020" },
        entityType: "exchange_interest",
      };
    },
    "POST /api/exchange/offers/:id/agreements": async () => {
      const [offer] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM exchange_offer ORDER BY id LIMIT 1`,
      );
      return {
        method: "POST",
        url: `/api/exchange/offers/${offer?.id}/agreements`,
        payload: { providerId: "sit", signedOn: "2026-02-01", validFrom: "2026-03-01" },
        entityType: "exchange_agreement",
      };
    },
    // Sign-in, sign-out and token-link routes write their own audit entries; they are covered
    // by the sign-in tests (they need a password or a token link rather than an admin call).
    "POST /api/campaigns": async () => ({
      method: "POST",
      url: "/api/campaigns",
      payload: buildCampaignInput(),
      entityType: "survey_campaign",
    }),
    "PUT /api/campaigns/:id": async () => ({
      method: "PUT",
      url: `/api/campaigns/${await draftCampaign()}`,
      payload: buildCampaignInput({ title: "Geändert" }),
      entityType: "survey_campaign",
    }),
    "POST /api/campaigns/:id/start": async () => ({
      method: "POST",
      url: `/api/campaigns/${await draftCampaign()}/start`,
      entityType: "survey_campaign",
    }),
    "PUT /api/campaigns/:id/responses/:ags/answers": async () => ({
      method: "PUT",
      url: `/api/campaigns/${(await runningCampaign()).id}/responses/05766020/answers`,
      payload: { answers: { ansprechperson: "Frau Muster" } },
      entityType: "survey_response",
    }),
    "POST /api/campaigns/:id/responses/:ags/submit": async () => {
      const { id, responseId } = await runningCampaign();
      await server.db.transaction((tx) =>
        saveAnswers(tx, responseId, { ansprechperson: "Frau Muster" }, "test"),
      );
      return {
        method: "POST",
        url: `/api/campaigns/${id}/responses/05766020/submit`,
        entityType: "survey_response",
      };
    },
    "POST /api/campaigns/:id/responses/:ags/comments": async () => ({
      method: "POST",
      url: `/api/campaigns/${(await runningCampaign()).id}/responses/05766020/comments`,
      payload: { body: "Rückfrage" },
      entityType: "survey_response",
    }),
    "PUT /api/campaigns/:id/responses/:ags/delegations": async () => ({
      method: "PUT",
      url: `/api/campaigns/${(await runningCampaign()).id}/responses/05766020/delegations`,
      payload: { section: "einwohnerwesen", delegate: "Herr Kollege" },
      entityType: "survey_response",
    }),
    "POST /api/campaigns/:id/responses/:ags/tokens": async () => ({
      method: "POST",
      url: `/api/campaigns/${(await runningCampaign()).id}/responses/05766020/tokens`,
      payload: { label: "Expertin" },
      entityType: "survey_token",
    }),
    "POST /api/campaigns/:id/responses/:ags/review": async () => {
      const { id, responseId } = await runningCampaign();
      await server.db.transaction((tx) => setResponseStatus(tx, responseId, "submitted", "test"));
      return {
        method: "POST",
        url: `/api/campaigns/${id}/responses/05766020/review`,
        payload: { decision: "accept" },
        entityType: "survey_response",
      };
    },
    "POST /api/campaigns/:id/responses/:ags/apply": async () => {
      const { id, responseId } = await runningCampaign();
      await server.db.transaction((tx) => setResponseStatus(tx, responseId, "accepted", "test"));
      return {
        method: "POST",
        url: `/api/campaigns/${id}/responses/05766020/apply`,
        entityType: "survey_response",
      };
    },
    "PUT /api/survey/token/answers": async () => {
      const { responseId } = await runningCampaign();
      const secret = newSecret();
      await server.db.transaction((tx) =>
        createSurveyToken(tx, {
          tokenHash: hashSecret(secret),
          responseId,
          label: "Test",
          createdBy: "test",
          expiresAt: "2099-01-01T00:00:00Z",
        }),
      );
      return {
        method: "PUT",
        url: "/api/survey/token/answers",
        payload: { answers: { ansprechperson: "Über Link" } },
        headers: { "x-survey-token": secret },
        entityType: "survey_response",
      };
    },
    "POST /api/survey/token/submit": async () => ({
      method: "POST",
      url: "/api/survey/token/submit",
      entityType: "",
      status: 404,
    }),
    "POST /api/survey/token/comments": async () => ({
      method: "POST",
      url: "/api/survey/token/comments",
      payload: { body: "x" },
      entityType: "",
      status: 404,
    }),
    "PUT /api/organisations/:ags/strategy/draft": async () => ({
      method: "PUT",
      url: "/api/organisations/05766020/strategy/draft",
      payload: { decisions: [{ domainId: "einwohnerwesen", targetModel: "land" }] },
      entityType: "strategy",
    }),
    "POST /api/organisations/:ags/strategy/adopt": async () => {
      await server.db.transaction((tx) => saveStrategyDraft(tx, "05766020", [], "test"));
      return {
        method: "POST",
        url: "/api/organisations/05766020/strategy/adopt",
        payload: { councilDecisionDate: "2026-05-01" },
        entityType: "strategy",
      };
    },
    "POST /api/kpi/snapshots": async () => ({
      method: "POST",
      url: "/api/kpi/snapshots",
      entityType: "kpi_snapshot",
    }),
    "POST /api/organisations/:ags/experts": async () => ({
      method: "POST",
      url: "/api/organisations/05766020/experts",
      payload: EXPERT,
      entityType: "kommune_expert",
    }),
    "PUT /api/organisations/:ags/experts/:id": async () => ({
      method: "PUT",
      url: `/api/organisations/05766020/experts/${await createExpert()}`,
      payload: { ...EXPERT, function: "Geändert" },
      entityType: "kommune_expert",
    }),
    "DELETE /api/organisations/:ags/experts/:id": async () => ({
      method: "DELETE",
      url: `/api/organisations/05766020/experts/${await createExpert()}`,
      entityType: "kommune_expert",
    }),
    "POST /api/measures": async () => ({
      method: "POST",
      url: "/api/measures",
      payload: { title: "Audit-Maßnahme", kommuneKeys: ["05766020"] },
      entityType: "measure",
    }),
    "POST /api/measures/from-migrations": async () => ({
      method: "POST",
      url: "/api/measures/from-migrations",
      payload: {
        scenarioId: "audit-szenario",
        startYear: 2027,
        migrations: [
          {
            kommuneId: "05766020",
            domainId: "einwohnerwesen",
            fromProviderId: "owl-it",
            toProviderId: "regio-it",
            oneOffCost: 1000,
          },
        ],
      },
      entityType: "measure",
    }),
    "PUT /api/measures/:id": async () => ({
      method: "PUT",
      url: `/api/measures/${await adminMeasure()}`,
      payload: { title: "Geändert", status: "in_arbeit" },
      entityType: "measure",
    }),
    "DELETE /api/measures/:id": async () => ({
      method: "DELETE",
      url: `/api/measures/${await adminMeasure()}`,
      entityType: "measure",
    }),
    "PUT /api/measures/:id/dependencies": async () => ({
      method: "PUT",
      url: `/api/measures/${await adminMeasure()}/dependencies`,
      payload: { dependsOn: [await adminMeasure()] },
      entityType: "measure",
    }),
    "POST /api/measures/:id/milestones": async () => ({
      method: "POST",
      url: `/api/measures/${await adminMeasure()}/milestones`,
      payload: { title: "Meilenstein", dueDate: "2027-06-30" },
      entityType: "measure_milestone",
    }),
    "PUT /api/measures/:id/milestones/:milestoneId": async () => {
      const [id, milestoneId] = await adminMilestone();
      return {
        method: "PUT",
        url: `/api/measures/${id}/milestones/${milestoneId}`,
        payload: { title: "Meilenstein", dueDate: "2027-06-30", done: true },
        entityType: "measure_milestone",
      };
    },
    "DELETE /api/measures/:id/milestones/:milestoneId": async () => {
      const [id, milestoneId] = await adminMilestone();
      return {
        method: "DELETE",
        url: `/api/measures/${id}/milestones/${milestoneId}`,
        entityType: "measure_milestone",
      };
    },
    "POST /api/governance/bodies": async () => ({
      method: "POST",
      url: "/api/governance/bodies",
      payload: { name: `Audit-Gremium ${Date.now()}`, kind: "sonstiges" },
      entityType: "governance_body",
    }),
    "POST /api/governance/decisions": async () => {
      const [body] = await server.db.query<{ id: number }>(
        sql`SELECT id FROM governance_body ORDER BY id LIMIT 1`,
      );
      return {
        method: "POST",
        url: "/api/governance/decisions",
        payload: { bodyId: body?.id, decidedOn: "2027-03-01", title: "Audit-Beschluss" },
        entityType: "governance_decision",
      };
    },
    "POST /api/corrections": async () => ({
      method: "POST",
      url: "/api/corrections",
      payload: correctionSample,
      entityType: "fact_correction",
    }),
    "POST /api/corrections/:id/decision": async () => {
      const proposed = await server.app.inject({
        method: "POST",
        url: "/api/corrections",
        headers: headers.get("admin"),
        payload: correctionSample,
      });
      return {
        method: "POST",
        url: `/api/corrections/${proposed.json<{ id: number }>().id}/decision`,
        payload: { decision: "reject", reason: "Audit-Probe" },
        entityType: "fact_correction",
      };
    },
    "POST /api/comments": async () => ({
      method: "POST",
      url: "/api/comments",
      payload: { targetType: "scenario", targetId: "audit-szenario", body: "Audit-Kommentar" },
      entityType: "change_comment",
    }),
    "POST /api/notifications/read": async () => {
      const me = await server.app.inject({
        url: "/api/auth/session",
        headers: headers.get("admin"),
      });
      const userId = me.json<{ user: { id: number } }>().user.id;
      await server.db.transaction((tx) =>
        createNotifications(tx, [{ userId, kind: "mention", title: "Test", link: "/" }]),
      );
      return {
        method: "POST",
        url: "/api/notifications/read",
        payload: {},
        entityType: "notification",
      };
    },
    "POST /api/scenarios": async () => ({
      method: "POST",
      url: "/api/scenarios",
      payload: { name: "Neu", definition: specialisationPreset("2026-01-01") },
      entityType: "scenario",
    }),
    "PUT /api/scenarios/:id": async () => ({
      method: "PUT",
      url: `/api/scenarios/${await storedScenario()}`,
      payload: { name: "Geändert", definition: specialisationPreset("2025-01-01") },
      entityType: "scenario",
    }),
    "DELETE /api/scenarios/:id": async () => ({
      method: "DELETE",
      url: `/api/scenarios/${await storedScenario()}`,
      entityType: "scenario",
    }),
    "PUT /api/scenarios/:id/target": async () => ({
      method: "PUT",
      url: `/api/scenarios/${await storedScenario()}/target`,
      payload: { isTarget: true },
      entityType: "scenario",
    }),
    "POST /api/scenarios/:id/run": async () => ({
      method: "POST",
      url: `/api/scenarios/${await storedScenario()}/run`,
      entityType: "scenario",
    }),
    "POST /api/scenarios/:id/pareto": async () => ({
      method: "POST",
      url: `/api/scenarios/${await storedScenario()}/pareto`,
      entityType: "scenario",
    }),
    "POST /api/auth/login/second-factor": async () => ({
      method: "POST",
      url: "/api/auth/login/second-factor",
      payload: { code: "123456" },
      entityType: "",
      status: 400,
    }),
    // Setting up writes nothing that takes effect (no audit record until it is confirmed).
    "POST /api/me/totp/setup": async () => {
      const session = await totpAccount();
      return {
        method: "POST",
        url: "/api/me/totp/setup",
        sessionHeaders: session.headers,
        entityType: "",
        status: 200,
      };
    },
    "POST /api/me/totp/confirm": async () => {
      const session = await totpAccount();
      const setup = await server.app.inject({
        method: "POST",
        url: "/api/me/totp/setup",
        headers: session.headers,
      });
      return {
        method: "POST",
        url: "/api/me/totp/confirm",
        payload: { code: await nextTotpCode(setup.json<{ secret: string }>().secret) },
        sessionHeaders: session.headers,
        entityType: "user",
      };
    },
    "POST /api/me/totp/recovery-codes": async () => {
      const session = await totpAccount();
      const secret = await enrolThroughApi(session.headers);
      return {
        method: "POST",
        url: "/api/me/totp/recovery-codes",
        payload: { code: await nextTotpCode(secret) },
        sessionHeaders: session.headers,
        entityType: "user",
      };
    },
    "POST /api/me/totp/disable": async () => {
      const session = await totpAccount();
      const secret = await enrolThroughApi(session.headers);
      return {
        method: "POST",
        url: "/api/me/totp/disable",
        payload: { currentPassword: TOTP_PASSWORD, code: await nextTotpCode(secret) },
        sessionHeaders: session.headers,
        entityType: "user",
      };
    },
    "POST /api/auth/login": async () => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x@example.org", password: "falsch" },
      entityType: "",
      status: 400,
    }),
    "POST /api/auth/logout": async () => ({
      method: "POST",
      url: "/api/auth/logout",
      entityType: "",
      status: 204,
    }),
    "POST /api/auth/password-reset/confirm": async () => ({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: "ungueltig-123456", password: "x".repeat(12) },
      entityType: "",
      status: 400,
    }),
    "POST /api/auth/invitation/accept": async () => ({
      method: "POST",
      url: "/api/auth/invitation/accept",
      payload: { token: "ungueltig-123456", password: "x".repeat(12) },
      entityType: "",
      status: 400,
    }),
  };

  it("knows a sample request for every write route", () => {
    const writes = server.app.apiRoutes
      .filter((route) => route.method !== "GET" && route.method !== "HEAD")
      .map((route) => `${route.method} ${route.url}`);
    expect(writes.filter((route) => !(route in WRITES))).toEqual([]);
  });

  it.each(Object.keys(WRITES))(
    "%s appends an audit record when it changes something",
    async (route) => {
      const request = await WRITES[route]!();
      const count = async () =>
        (
          await server.db.query<{ count: number }>(
            sql`SELECT count(*)::int AS count FROM audit_log WHERE entity_type = ${request.entityType}`,
          )
        )[0]?.count ?? 0;
      const total = async () =>
        (
          await server.db.query<{ count: number }>(
            sql`SELECT count(*)::int AS count FROM audit_log`,
          )
        )[0]?.count ?? 0;
      const before = await count();
      const allBefore = await total();
      const response = await server.app.inject({
        method: request.method,
        url: request.url,
        headers: request.sessionHeaders ?? { ...headers.get("admin"), ...request.headers },
        ...(request.payload ? { payload: request.payload } : {}),
      });
      if (request.entityType === "") {
        // Read-only (preview) or refused without a valid credential: the stated answer, and
        // nothing recorded as a change — of any entity.
        expect(response.statusCode, response.body).toBe(request.status);
        expect(await total()).toBe(allBefore);
        return;
      }
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(await count()).toBe(before + 1);
    },
  );

  it("cannot be changed or deleted, not even by the application's own connection", async () => {
    await expect(server.db.query(sql`UPDATE audit_log SET actor_label = 'x'`)).rejects.toThrow(
      /Prüfprotokoll/,
    );
    await expect(server.db.query(sql`DELETE FROM audit_log`)).rejects.toThrow(/Prüfprotokoll/);
  });
});
