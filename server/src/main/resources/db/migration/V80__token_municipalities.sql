-- An editor token may change the figures of a set of municipalities (one row each, current codes), and must name at
-- least one: an editor token made without one could write every municipality. Such tokens become readers here; their
-- owners make a new token with the municipalities they edit.
create table api_token_municipality (
    token_id    bigint      not null references api_token (id),
    region_code varchar(16) not null,
    primary key (token_id, region_code)
);

insert into api_token_municipality (token_id, region_code)
    select id, municipality from api_token where municipality is not null and role = 'editor';

update api_token set role = 'reader' where role = 'editor' and municipality is null;

alter table api_token drop column municipality;
