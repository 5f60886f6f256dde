-- Recovery codes for two-factor log-in: ten single-use codes made when TOTP is turned on, stored
-- only as SHA-256 hashes. And notifications in the app can be switched off per kind, like e-mail.

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

ALTER TABLE notification_settings ALTER COLUMN email SET DEFAULT true;
ALTER TABLE notification_settings ADD COLUMN in_app boolean NOT NULL DEFAULT true;
