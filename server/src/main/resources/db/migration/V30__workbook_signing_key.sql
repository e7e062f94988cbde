-- The secret that signs the provenance map of every filled report workbook (HMAC-SHA256). One row per key, so keys
-- can be rotated later and workbooks signed under an older key still verified; every service node on one database
-- signs alike.
create table workbook_signing_key (
    key_id     varchar(40)  not null primary key,
    secret_hex varchar(128) not null,
    created_at timestamp    not null
);
