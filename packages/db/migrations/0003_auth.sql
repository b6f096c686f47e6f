-- Accounts, roles scoped to organisations, sessions, API tokens, password resets,
-- invitations and the append-only audit trail.

CREATE TABLE app_user (
  id             serial PRIMARY KEY,
  email          text NOT NULL,
  display_name   text NOT NULL,
  password_hash  text,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active','invited','deactivated')),
  failed_logins  integer NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  oidc_issuer    text,
  oidc_subject   text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz,
  UNIQUE (oidc_issuer, oidc_subject)
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

CREATE TABLE role_assignment (
  id               serial PRIMARY KEY,
  user_id          integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('administrator','kdn_analyst','kommune_bearbeiter','dienstleister_bearbeiter','leser')),
  organisation_key text REFERENCES organisation(key),
  provider_id      text REFERENCES provider(id),
  CHECK ((role = 'kommune_bearbeiter') = (organisation_key IS NOT NULL)),
  CHECK ((role = 'dienstleister_bearbeiter') = (provider_id IS NOT NULL))
);
CREATE UNIQUE INDEX role_assignment_unique_idx
  ON role_assignment (user_id, role, coalesce(organisation_key, ''), coalesce(provider_id, ''));

-- Session and token secrets are stored only as SHA-256 hashes.
CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  via          text NOT NULL CHECK (via IN ('password','oidc')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_user_idx ON user_session(user_id);

CREATE TABLE api_token (
  id           serial PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE invitation (
  token_hash  text PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_by  integer REFERENCES app_user(id),
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz
);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_label  text NOT NULL,
  via          text NOT NULL CHECK (via IN ('ui','api','import','cli','system')),
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  before       jsonb,
  after        jsonb,
  request_id   text
);
CREATE INDEX audit_log_entity_idx ON audit_log(entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log(at);

-- The audit trail is append-only: the application (and anyone else without DDL rights to
-- drop this trigger) cannot change or delete what it recorded.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Das Prüfprotokoll (audit_log) kann nicht geändert oder gelöscht werden.'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
