-- The reference LMS's tables: the catalogue (categories, activities, domains), people (users, their
-- identifiers, their domains), completion records, and the upload machinery (staged uploads, their rows,
-- idempotency keys), plus sessions, API tokens and the per-user rate-limit windows.

CREATE TABLE categories (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  position    integer NOT NULL
);

CREATE TABLE activities (
  id               text PRIMARY KEY,
  code             text NOT NULL,
  name             text NOT NULL,
  category_id      text NOT NULL REFERENCES categories (id),
  -- classroom, assessment, practical (offline) or online: online activities are never offered for upload.
  kind             text NOT NULL,
  delivery         text NOT NULL CHECK (delivery IN ('offline', 'online')),
  start_date       date NOT NULL,
  end_date         date,
  location         text,
  -- TemplateSpec.version: a file made with another version is refused at staging.
  template_version text,
  -- The activity's own columns (TemplateColumn[], the identifier column comes from the domain).
  columns          jsonb NOT NULL DEFAULT '[]',
  -- TemplateSpec.rules (passMark, expiryMonths, allowFutureDates, …).
  rules            jsonb NOT NULL DEFAULT '{}',
  -- A row whose record the LMS already has (same learner and date): 'refuse' (an issue that stops the
  -- upload) or 'skip' (left unchanged at commit, the rest is created). TemplateSpec.rules.existingRecords.
  existing_record_policy text NOT NULL DEFAULT 'refuse' CHECK (existing_record_policy IN ('refuse', 'skip')),
  removed_at       timestamptz,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX activities_category ON activities (category_id);

CREATE TABLE domains (
  id        text PRIMARY KEY,
  name      text NOT NULL,
  position  integer NOT NULL
);

-- The identifier kinds a domain offers, in its order of preference, with their template guidance.
CREATE TABLE domain_identifier_kinds (
  domain_id    text NOT NULL REFERENCES domains (id),
  kind         text NOT NULL,
  position     integer NOT NULL,
  label        text NOT NULL,
  pattern      text,
  pattern_hint text,
  example      text,
  help         text,
  PRIMARY KEY (domain_id, kind)
);

CREATE TABLE users (
  id          text PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  -- Admin rights: may this user upload offline records?
  can_upload  boolean NOT NULL DEFAULT false
);

CREATE TABLE user_domains (
  user_id   text NOT NULL REFERENCES users (id),
  domain_id text NOT NULL REFERENCES domains (id),
  PRIMARY KEY (user_id, domain_id)
);

-- How a user is found from a spreadsheet cell: one row per kind; `value` is normalised (e-mails and
-- usernames lower-case, employee numbers upper-case), so a lookup is one index probe.
CREATE TABLE user_identifiers (
  kind     text NOT NULL,
  value    text NOT NULL,
  user_id  text NOT NULL REFERENCES users (id),
  PRIMARY KEY (kind, value)
);
CREATE INDEX user_identifiers_user ON user_identifiers (user_id);

CREATE TABLE staged_uploads (
  id               text PRIMARY KEY,
  user_id          text NOT NULL REFERENCES users (id),
  activity_id      text NOT NULL REFERENCES activities (id),
  domain_id        text NOT NULL REFERENCES domains (id),
  identifier_kind  text NOT NULL,
  template_version text NOT NULL,
  total_records    integer NOT NULL CHECK (total_records > 0),
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  committed_at     timestamptz,
  idempotency_key  text
);
CREATE INDEX staged_uploads_expiry ON staged_uploads (expires_at) WHERE committed_at IS NULL;

-- The rows of a staged upload, by spreadsheet row; the user and date found at dry run serve the
-- duplicate check across chunks.
CREATE TABLE staged_rows (
  upload_id       text NOT NULL REFERENCES staged_uploads (id) ON DELETE CASCADE,
  row_number      integer NOT NULL,
  chunk_index     integer NOT NULL,
  "values"        jsonb NOT NULL,
  user_id         text,
  completion_date date,
  PRIMARY KEY (upload_id, row_number)
);
CREATE INDEX staged_rows_chunk ON staged_rows (upload_id, chunk_index);
CREATE INDEX staged_rows_user_date ON staged_rows (upload_id, user_id, completion_date);

CREATE TABLE completion_records (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id     text NOT NULL REFERENCES activities (id),
  user_id         text NOT NULL REFERENCES users (id),
  completion_date date NOT NULL,
  status          text,
  "values"        jsonb NOT NULL,
  upload_id       text,
  created_by      text,
  created_at      timestamptz NOT NULL,
  -- One record per learner, activity and day: the last word when two commits race for the same record.
  UNIQUE (activity_id, user_id, completion_date)
);
CREATE INDEX completion_records_user ON completion_records (user_id, activity_id);
CREATE INDEX completion_records_upload ON completion_records (upload_id) WHERE upload_id IS NOT NULL;

-- A commit's key, the hash of what it asked, and the answer it got: a retry with the same key and the same
-- request replays `response`; the same key with another request is refused. Scoped by user.
CREATE TABLE idempotency_keys (
  user_id       text NOT NULL REFERENCES users (id),
  key           text NOT NULL,
  request_hash  text NOT NULL,
  upload_id     text NOT NULL,
  response      jsonb,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Signed-in sessions (cookie) with their CSRF token, and API tokens (bearer); only hashes are stored.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id),
  csrf_token  text NOT NULL,
  expires_at  timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id),
  label       text NOT NULL
);

-- Fixed-window counters for the per-user rate limit, shared by every server instance.
CREATE TABLE rate_windows (
  user_id      text NOT NULL,
  bucket       text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  PRIMARY KEY (user_id, bucket, window_start)
);
