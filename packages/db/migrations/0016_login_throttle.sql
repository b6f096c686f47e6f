-- Login throttling in the database, shared by every server process (issue 15 point 6, issue 13
-- point 3). One row per key: `account:<lower-case e-mail>` (also for e-mails without an account)
-- and `ip:<client address>`. After a few failures a key is delayed for a growing time
-- (`blocked_until`); it is never locked for good. The old hard lock on the account is gone.
CREATE TABLE login_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL CHECK (failures > 0),
  last_failure  timestamptz NOT NULL,
  blocked_until timestamptz
);
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
