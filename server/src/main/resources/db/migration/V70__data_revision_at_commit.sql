-- The data revision is a counter moved at the end of every transaction that changes data, while that transaction
-- holds the counter's row lock: it follows commit order, unlike import ids, which are taken when an import starts.
-- Every writer takes the same row lock first, so writers on every service node sharing the database serialise.
create table data_revision (
    id       int    not null primary key check (id = 1),
    revision bigint not null
);

insert into data_revision (id, revision)
select 1, coalesce(max(id), 0) from import_log where rows_added + rows_changed > 0;

-- The revision each import's changes were committed under (null for an import that changed nothing).
alter table import_log add column data_revision bigint;

update import_log set data_revision = id where rows_added + rows_changed > 0;
