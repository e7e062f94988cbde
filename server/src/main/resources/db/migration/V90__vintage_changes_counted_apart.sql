-- An import's new revisions of stored figures (rows_changed) split by what changed: rows_vintage_changed of them kept
-- their value and changed only their vintage (the same number made final in June). Portable: H2 and PostgreSQL.
alter table import_log add column rows_vintage_changed int default 0 not null;
