-- podinsights schema. Times are epoch milliseconds (UTC) in BIGINT columns, the same on SQLite and PostgreSQL.
-- ${id} and ${blob} are the dialect's identity column and byte type (storage.Dialect).

create table feeds (
  id ${id},
  url text not null unique,
  title text not null default '',
  link text not null default '',
  description text not null default '',
  author text not null default '',
  image_url text not null default '',
  language text not null default '',
  etag text,
  last_modified text,
  status text not null default 'active',          -- active | gone
  consecutive_failures integer not null default 0,
  last_error text,
  last_error_at bigint,
  recovered text,                                  -- why the last parse needed recovery, if it did
  last_polled_at bigint,
  next_poll_at bigint not null,
  added_at bigint not null
);
create index feeds_next_poll on feeds (status, next_poll_at);

create table episodes (
  id ${id},
  feed_id bigint not null references feeds (id) on delete cascade,
  guid text not null,
  title text not null default '',
  link text not null default '',
  published_at bigint,
  enclosure_url text,
  enclosure_type text,
  enclosure_length bigint,
  duration_ms bigint,
  transcript_links text not null default '[]',     -- JSON array of {url, type, language, rel}
  persons text not null default '[]',              -- JSON array of {name, role}
  discovered_at bigint not null,
  unique (feed_id, guid)
);

create table transcripts (
  episode_id bigint primary key references episodes (id) on delete cascade,
  source text not null,                            -- publisher | machine | file
  source_url text,
  format text,
  engine text,
  segments text not null,                          -- JSON array of {start, end, speaker, text}
  created_at bigint not null
);

create table insights (
  id ${id},
  episode_id bigint not null references episodes (id) on delete cascade,
  position integer not null,
  text text not null,
  quote text not null,
  speaker text,
  start_ms bigint not null,
  end_ms bigint not null,
  score double precision not null,
  explain text not null default '{}',
  ai_written integer not null default 0,
  embedding ${blob},
  created_at bigint not null,
  unique (episode_id, position)
);

-- One row per episode and stage: the pipeline's stored state, so a crash resumes where it stopped.
create table stages (
  episode_id bigint not null references episodes (id) on delete cascade,
  stage text not null,                             -- transcript | insights
  status text not null,                            -- pending | running | done | failed
  attempts integer not null default 0,
  last_error text,
  next_attempt_at bigint not null,
  lease_until bigint,
  updated_at bigint not null,
  primary key (episode_id, stage)
);
create index stages_due on stages (stage, status, next_attempt_at);

-- The digest outbox: one row per recipient and day, written with its items in one transaction, marked sent only
-- after the mail server accepted it.
create table digests (
  id ${id},
  recipient text not null,
  period text not null,                            -- YYYY-MM-DD in the recipient's zone
  status text not null,                            -- pending | sent | failed | empty
  subject text not null,
  html text not null,
  body_text text not null,
  message_id text not null,
  attempts integer not null default 0,
  last_error text,
  next_attempt_at bigint not null,
  created_at bigint not null,
  sent_at bigint,
  unique (recipient, period)
);

create table digest_items (
  digest_id bigint not null references digests (id) on delete cascade,
  position integer not null,
  insight_id bigint not null references insights (id) on delete cascade,
  primary key (digest_id, position)
);
