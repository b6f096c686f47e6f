import { createHash } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { UnauthenticatedError } from "@it-atlas/domain";

/** OpenID Connect settings from the environment (ATLAS_OIDC_*). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Redirect URI registered at the provider; default: <public URL>/api/auth/oidc/callback. */
  redirectUri: string | undefined;
  label: string;
  /** Create a Leser account for people who have none yet. */
  autoCreate: boolean;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

/** PKCE S256 challenge of a verifier (RFC 7636). */
export function pkceChallenge(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/**
 * A client for one OpenID Connect provider (Keycloak or similar): builds the authorization
 * URL (code flow with PKCE S256, state and nonce), exchanges the code, and verifies the ID
 * token against the provider's keys (issuer, audience, nonce, expiry).
 */
export class OidcClient {
  private discovery: Promise<Discovery> | undefined;
  private jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(readonly settings: OidcSettings) {}

  private async discover(): Promise<Discovery> {
    this.discovery ??= (async () => {
      const response = await fetch(
        `${this.settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      );
      if (!response.ok) throw new Error(`OIDC-Discovery fehlgeschlagen: ${response.status}`);
      return (await response.json()) as Discovery;
    })();
    try {
      return await this.discovery;
    } catch (error) {
      this.discovery = undefined;
      throw error;
    }
  }

  /** The provider's authorization URL for a new sign-in. */
  async authorizationUrl(input: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<string> {
    const discovery = await this.discover();
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: this.settings.clientId,
      redirect_uri: input.redirectUri,
      scope: "openid email profile",
      state: input.state,
      nonce: input.nonce,
      code_challenge: pkceChallenge(input.codeVerifier),
      code_challenge_method: "S256",
    }).toString();
    return url.toString();
  }

  /** Exchanges the code and returns the verified ID token claims. */
  async finish(input: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
    nonce: string;
  }): Promise<JWTPayload> {
    const discovery = await this.discover();
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    };
    if (this.settings.clientSecret) {
      const credentials = `${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
    }
    const response = await fetch(discovery.token_endpoint, {
      method: "POST",
      headers,
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: input.code,
        redirect_uri: input.redirectUri,
        code_verifier: input.codeVerifier,
        client_id: this.settings.clientId,
      }),
    });
    if (!response.ok) {
      throw new UnauthenticatedError(
        "sso_failed",
        "Die Anmeldung beim Identitätsdienst ist fehlgeschlagen.",
        `token endpoint ${response.status}`,
      );
    }
    const { id_token: idToken, access_token: accessToken } = (await response.json()) as {
      id_token?: string;
      access_token?: string;
    };
    if (!idToken)
      throw new UnauthenticatedError("sso_failed", "Der Identitätsdienst lieferte kein ID-Token.");
    this.jwks ??= createRemoteJWKSet(new URL(discovery.jwks_uri));
    const { payload } = await jwtVerify(idToken, this.jwks, {
      issuer: discovery.issuer,
      audience: this.settings.clientId,
    });
    if (payload.nonce !== input.nonce) {
      throw new UnauthenticatedError(
        "sso_failed",
        "Die Anmeldung konnte nicht bestätigt werden (nonce).",
      );
    }
    // Conforming providers put scope claims (email, name) in UserInfo, not in the ID token.
    if (payload.email === undefined && accessToken && discovery.userinfo_endpoint) {
      const userinfo = await fetch(discovery.userinfo_endpoint, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      });
      if (userinfo.ok) {
        const claims = (await userinfo.json()) as JWTPayload;
        if (claims.sub === payload.sub)
          return {
            ...claims,
            ...payload,
            email: claims.email,
            email_verified: claims.email_verified,
            name: claims.name,
          };
      }
    }
    return payload;
  }
}
