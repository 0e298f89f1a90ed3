-- Mails that carry a private link (question follow-up, spreekuur manage link, invitation, password
-- reset, freshness confirm link) keep their body only until they are sent: the worker empties
-- text_body and attachments in the statement that marks them sent and records when. The row
-- itself (purpose, recipient, times, status) stays until the outbox's normal retention.
alter table outbox_email
  add column private_link boolean not null default false,
  add column body_purged_at timestamptz;
