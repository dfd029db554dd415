-- Which worker holds an email's lease: only that worker may renew it
-- before sending, so a lease that expired and was claimed by another
-- worker is never sent by both.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
