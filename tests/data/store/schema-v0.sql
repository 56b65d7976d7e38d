-- A brand-new responses.db: an empty file, schema version 0 (nothing to keep).
PRAGMA user_version = 0;
