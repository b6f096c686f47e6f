-- OpenID Connect sign-in flows in progress (authorization code + PKCE). Only the hash of the
-- state is stored; flows expire after a few minutes.
CREATE TABLE oidc_flow (
  state_hash    text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce         text NOT NULL,
  return_to     text NOT NULL,
  expires_at    timestamptz NOT NULL
);
