-- HARD-2: a reset or a password change voids every outstanding token of the household, and a
-- household gets at most one reset mail per interval: both look tokens up by household.
CREATE INDEX ix_kb_reset_token_household ON kb_reset_token (household, issued_at);
