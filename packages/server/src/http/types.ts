import type { Database } from "@it-atlas/db";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { OidcClient } from "../auth/oidc.ts";
import type { UploadLimits } from "../config.ts";
import type { OzgBoard } from "../services/ozgReadinessService.ts";
import type { MentionMailer } from "../mail/MentionMailer.ts";
import type { LandscapeReader } from "../services/landscapeService.ts";
import type { ResponseCache } from "./responseCache.ts";

/** Fastify instance typed with the zod type provider. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route handlers need from the running application. */
export interface AppContext {
  db: Database;
  landscape: LandscapeReader;
  /** The OZG board (coverage per Kommune), cached per OZG revision. */
  ozg: OzgBoard;
  /** Trust X-Forwarded-Proto from a reverse proxy (for Secure cookies and HSTS). */
  trustProxy: boolean;
  /** Public base URL for links in invitations and password resets. */
  publicUrl: string | undefined;
  /** Drops cached principals after role changes, deactivation, revocation or sign-out. */
  forgetPrincipals(userId?: number): void;
  /** OpenID Connect client, when single sign-on is configured. */
  oidc: OidcClient | undefined;
  /** E-mail for @mentions, when SMTP is configured (ATLAS_SMTP_URL). */
  mailer?: MentionMailer | undefined;
  /** Serialised revision-bound reads with ETag and compressed variants (ADR 0019). */
  responses: ResponseCache;
  /** Per-account limits and retention of import uploads. */
  uploads: UploadLimits;
}
