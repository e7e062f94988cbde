-- A split gives one old code several new codes (1507 Ålesund became 1508 Ålesund and 1580 Haram in 2024), so a code
-- change is keyed by old and new code; old_name is the name under the old code. What a change means for series
-- (renumbering, merge, split) follows from the changes together: no.kostra.catalog.CodeHistory.
create table region_code_change_v95 (
    old_code               varchar(16)  not null,
    new_code               varchar(16)  not null,
    first_year_of_new_code int          not null,
    old_name               varchar(200),
    primary key (old_code, new_code)
);
insert into region_code_change_v95 (old_code, new_code, first_year_of_new_code)
select old_code, new_code, first_year_of_new_code from region_code_change;
drop table region_code_change;
alter table region_code_change_v95 rename to region_code_change;
