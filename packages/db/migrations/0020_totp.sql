-- Second factor (issue 15 point 5, ADR 0029): TOTP (RFC 6238) with recovery codes.
-- The TOTP secret must be readable by the server to verify codes; it never leaves the server
-- after enrolment. `last_step` is the last accepted time step: a code is accepted only for a
-- later step (replay protection). Recovery codes are stored only as SHA-256 hashes.
CREATE TABLE user_totp (
  user_id      integer PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
  secret       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  last_step    bigint NOT NULL DEFAULT 0
);

CREATE TABLE totp_recovery_code (
  code_hash text PRIMARY KEY,
  user_id   integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  used_at   timestamptz
);
CREATE INDEX totp_recovery_code_user_idx ON totp_recovery_code(user_id);

-- A password sign-in waiting for its second factor: bound to the browser by an HttpOnly
-- cookie whose secret is stored only as a hash; valid a few minutes, used once.
CREATE TABLE login_challenge (
  token_hash text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

-- Whether a session (or the session that created a token) passed a second factor: TOTP at
-- sign-in or enrolment, or the identity provider's MFA for OpenID Connect. The administrator
-- role is effective only then. Existing sessions and tokens did not pass one.
ALTER TABLE user_session ADD COLUMN second_factor boolean NOT NULL DEFAULT false;
ALTER TABLE api_token ADD COLUMN second_factor boolean NOT NULL DEFAULT false;
