-- Rule notifications honour their rule's @cooldown: a message carries the key of the action that
-- caused it (rule + account + kind + discriminator), and a new one with the same key is not enqueued
-- until the cooldown has passed since the last one. NULL for messages that have no cooldown.
ALTER TABLE notify_messages ADD COLUMN cooldown_key TEXT;
CREATE INDEX notify_messages_cooldown_idx ON notify_messages (cooldown_key, created_at DESC)
    WHERE cooldown_key IS NOT NULL;
