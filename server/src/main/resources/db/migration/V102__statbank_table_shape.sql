-- The catalogue's shape of each StatBank table its sources name (seeds/statbank_tables.csv; ingest.ssb.TableShape):
-- the variables in the table's order, which may be eliminated, the codes listed of some, and whether the region
-- variable answers the comparison groups. A first update plans its calls from it instead of asking each table's
-- metadata, one call a table. Kept as the shape's JSON, replaced whole with the seeds; provenance stays in the seed file.
create table statbank_table_shape (
    table_id varchar(16) primary key,
    shape    varchar(8000) not null
);
