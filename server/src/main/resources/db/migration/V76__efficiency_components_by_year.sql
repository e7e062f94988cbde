-- Efficiency components and production weights hold for a span of years, since KS changes them: from first_year
-- (1990, the beginning, when a file does not say) to last_year (open when null). The table is made anew because its
-- primary key gains first_year, and the two databases name primary keys differently.
create table efficiency_component_by_year (
    area         varchar(16)    not null,
    role         varchar(16)    not null check (role in ('cost', 'production')),
    indicator_id varchar(80)    not null references indicator (id),
    weight       numeric(12, 8),
    source       varchar(400)   not null,
    origin       varchar(16)    not null,
    row_order    int            not null,
    first_year   int            not null,
    last_year    int,
    primary key (area, indicator_id, first_year),
    check (last_year is null or last_year >= first_year)
);

insert into efficiency_component_by_year (area, role, indicator_id, weight, source, origin, row_order, first_year, last_year)
select area, role, indicator_id, weight, source, origin, row_order, 1990, null from efficiency_component;

drop table efficiency_component;

alter table efficiency_component_by_year rename to efficiency_component;
