-- What the StatBank client remembers of each table's metadata between updates (ingest.ssb.MetadataMemory): an update
-- asks a table's metadata again only when the table is new to it or has changed, since every call counts against
-- StatBank's limit of 30 a minute. StatBank's description of its table (the metadata answer as sent), not data.
create table statbank_metadata (
    table_id      varchar(16) primary key,
    metadata      bytea       not null,
    remembered_at timestamp   not null
);
