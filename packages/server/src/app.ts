import { existsSync } from "node:fs";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { Database } from "@it-atlas/db";
import { useGermanValidationMessages } from "@it-atlas/domain";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { DEFAULT_SESSION_IDLE_MINUTES, installAuth, type ApiRoute } from "./auth/authPlugin.ts";
import { OidcClient, type OidcSettings } from "./auth/oidc.ts";
import { registerOidcRoutes } from "./routes/oidcRoutes.ts";
import { installControlCharacterGuard } from "./http/controlCharacters.ts";
import { logSerializers } from "./http/logSerializers.ts";
import { installErrorHandling } from "./http/errorHandler.ts";
import { installCompression } from "./http/compression.ts";
import { ResponseCache } from "./http/responseCache.ts";
import { installWebApp } from "./http/staticFiles.ts";
import { installSecurityHeaders } from "./http/securityHeaders.ts";
import { registerAccountRoutes } from "./routes/accountRoutes.ts";
import { registerTotpRoutes } from "./routes/totpRoutes.ts";
import { registerAnalysisRoutes } from "./routes/analysisRoutes.ts";
import { registerAuditRoutes } from "./routes/auditRoutes.ts";
import { registerAuthRoutes } from "./routes/authRoutes.ts";
import { registerJobRoutes } from "./routes/jobRoutes.ts";
import { registerExportRoutes } from "./routes/exportRoutes.ts";
import { registerImportRoutes } from "./routes/importRoutes.ts";
import type { ZodApp } from "./http/types.ts";
import type { MentionMailer } from "./mail/MentionMailer.ts";
import { registerGeoRoutes } from "./routes/geoRoutes.ts";
import { registerLandscapeRoutes } from "./routes/landscapeRoutes.ts";
import { registerSourcingRoutes } from "./routes/sourcingRoutes.ts";
import { LandscapeReader } from "./services/landscapeService.ts";
import { OzgBoard } from "./services/ozgReadinessService.ts";
import { registerOrganisationRoutes } from "./routes/organisationRoutes.ts";
import { registerOzgRoutes } from "./routes/ozgRoutes.ts";
import { registerOzgAdoptionRoutes } from "./routes/ozgAdoptionRoutes.ts";
import { registerProviderRoutes } from "./routes/providerRoutes.ts";
import { registerSystemRoutes } from "./routes/systemRoutes.ts";
import { registerScenarioRoutes } from "./routes/scenarioRoutes.ts";
import { registerStrategyRoutes } from "./routes/strategyRoutes.ts";
import { registerSurveyRoutes } from "./routes/surveyRoutes.ts";
import { registerKpiRoutes } from "./routes/kpiRoutes.ts";
import { registerExpertRoutes } from "./routes/expertRoutes.ts";
import { registerReportRoutes } from "./routes/reportRoutes.ts";
import { registerMeasureRoutes } from "./routes/measureRoutes.ts";
import { registerCommentRoutes, registerGovernanceRoutes } from "./routes/governanceRoutes.ts";
import { registerCorrectionRoutes } from "./routes/correctionRoutes.ts";
import {
  documentObject,
  documentOperation,
  SECURITY_SCHEMES,
} from "./openapi/documentOperation.ts";

import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./config.ts";

/** Version of the public API (also in the OpenAPI document). */
export const API_VERSION = "0.1.0";

/** Options of {@link buildApp}. */
export interface AppOptions {
  db: Database;
  /**
   * Number of trusted reverse-proxy hops (default 0): the client address (login throttling) is
   * taken from that many X-Forwarded-For entries from the right, and X-Forwarded-Proto is
   * trusted (Secure cookies, HSTS) when it is at least 1.
   */
  trustProxy?: number;
  /** Public base URL for invitation and reset links (default: from the request). */
  publicUrl?: string | undefined;
  /** Minutes after which an unused web session is signed out (default {@link DEFAULT_SESSION_IDLE_MINUTES}). */
  sessionIdleMinutes?: number | undefined;
  /** Sends @mention e-mails when SMTP is configured (in-app notifications always). */
  mailer?: MentionMailer | undefined;
  /** OpenID Connect provider for single sign-on, if configured. */
  oidc?: OidcSettings | undefined;
  /** Folder of the built web app; served at `/` when it exists. */
  webDist?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /** Per-account upload limits and retention (default {@link DEFAULT_UPLOAD_LIMITS}). */
  uploads?: UploadLimits | undefined;
}

/** Every logger gets the serializers that keep secrets and SQL parameters out of it. */
function withLogSerializers(
  logger: FastifyServerOptions["logger"],
): FastifyServerOptions["logger"] {
  if (logger === undefined || logger === false) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...base.serializers, ...logSerializers } };
}

function trustedHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

/** Builds the HTTP application (API, OpenAPI document and docs page, web app). */
export async function buildApp(options: AppOptions): Promise<ZodApp> {
  useGermanValidationMessages();
  const app = Fastify({
    logger: withLogSerializers(options.logger),
    // A hop count, never `true`: with `true` the left-most X-Forwarded-For entry, which the
    // client chooses, would become request.ip. (The function is what proxy-addr makes of a
    // number: trust the first `hops` addresses counted from the socket.)
    trustProxy: trustedHops(options.trustProxy ?? 0),
    bodyLimit: 1024 * 1024,
    // Query strings are small and flat; keep parsing strict and cheap.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installControlCharacterGuard(app);
  installSecurityHeaders(app, { trustProxy: (options.trustProxy ?? 0) > 0 });
  await installCompression(app);
  const auth = installAuth(app, options.db, {
    sessionIdleMinutes: options.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "IT-Atlas NRW API",
        version: API_VERSION,
        description:
          "Offene Schnittstelle des IT-Atlas NRW: Kommunen, IT-Dienstleister, Mitgliedschaften, Ereignisse und OZG-Katalog. Fehler als RFC 9457 application/problem+json mit stabilem `code`.",
        license: { name: "EUPL-1.2", url: "https://eupl.eu/1.2/de/" },
      },
      servers: [{ url: "/", description: "Dieser IT-Atlas-Server" }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: documentOperation,
    transformObject: documentObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
    staticCSP: true,
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());

  const context = {
    db: options.db,
    landscape: new LandscapeReader(options.db),
    ozg: new OzgBoard(options.db),
    trustProxy: (options.trustProxy ?? 0) > 0,
    publicUrl: options.publicUrl,
    forgetPrincipals: auth.forget,
    oidc: options.oidc ? new OidcClient(options.oidc) : undefined,
    mailer: options.mailer,
    responses: new ResponseCache(),
    uploads: options.uploads ?? DEFAULT_UPLOAD_LIMITS,
  };
  registerSystemRoutes(app, context);
  registerOrganisationRoutes(app, context);
  registerProviderRoutes(app, context);
  registerOzgRoutes(app, context);
  registerOzgAdoptionRoutes(app, context);
  registerGeoRoutes(app, context);
  registerLandscapeRoutes(app, context);
  registerSourcingRoutes(app, context);
  registerAuthRoutes(app, context);
  registerOidcRoutes(app, context);
  registerAccountRoutes(app, context);
  registerTotpRoutes(app, context);
  registerAuditRoutes(app, context);
  registerJobRoutes(app, context);
  registerExportRoutes(app, context);
  registerImportRoutes(app, context);
  registerSurveyRoutes(app, context);
  registerStrategyRoutes(app, context);
  registerAnalysisRoutes(app, context);
  registerKpiRoutes(app, context);
  registerExpertRoutes(app, context);
  registerReportRoutes(app, context);
  registerMeasureRoutes(app, context);
  registerGovernanceRoutes(app, context);
  registerCommentRoutes(app, context);
  registerCorrectionRoutes(app, context);
  registerScenarioRoutes(app, context);

  const webDist = options.webDist && existsSync(options.webDist) ? options.webDist : undefined;
  await installWebApp(app, { webDist, db: options.db, publicUrl: options.publicUrl });
  app.decorate("apiRoutes", auth.routes);
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api route with its access rule, as registered. */
    apiRoutes: ApiRoute[];
  }
}
