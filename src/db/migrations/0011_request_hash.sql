-- An idempotency key stands for one submit. Beside it we keep a keyed SHA-256 of the request's
-- content (the parsed fields in a fixed order), so a repeat is answered from the first submit only
-- when its content is the same; a used key with other content is refused (422) and learns nothing.
-- Rows from before have none: a repeat of them is treated as different.
-- Bookings: HMAC under the app secret; emptied with the other personal fields by retention.
alter table spreekuur_booking add column request_hash text check (request_hash ~ '^[0-9a-f]{64}$');
-- Questions: HMAC under the idempotency key itself (which is not stored), so the hash says nothing
-- to whoever reads the database; it stays after deletion, so a repeat still gets "deleted" (409).
alter table question add column request_hash text check (request_hash ~ '^[0-9a-f]{64}$');
