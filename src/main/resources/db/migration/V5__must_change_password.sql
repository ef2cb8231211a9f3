-- A user whose password was made for them once (the first admin's one-time password) must choose their own at the
-- first sign-in: until then the API answers only the password change. 0/1 integer, portable.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
