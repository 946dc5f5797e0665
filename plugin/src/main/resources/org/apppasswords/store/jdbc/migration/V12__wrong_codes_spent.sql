-- A wrong TOTP code counted is spent like an accepted one: its keyed fingerprint joins spent_codes
-- (now the last 20 codes accepted or counted wrong, 20 x 22 characters and commas fit the column),
-- and a spent code is neither accepted nor counted again. last_wrong_code, which let only the last
-- wrong code of one step count once, is no longer read. Wrong codes counted before this version
-- stay counted; their fingerprints included the step and cannot be carried over.
ALTER TABLE totp_enrolments DROP COLUMN last_wrong_code;
