-- A profile's rows by year (profile_rows.csv): an indicator is a row of any number of profiles, and its category,
-- place and ASSS mean kind belong to the row, from first_year to last_year (null: until the profile's next layout
-- starts). The rule that turns entries into a year's rows is in no.kostra.catalog.ProfileLayouts.
create table profile_row (
    profile_code varchar(16) not null references service_profile (code),
    first_year   int         not null,
    indicator_id varchar(80) not null references indicator (id),
    last_year    int,
    sort_order   int         not null,
    category     varchar(64) not null,
    mean_kind    varchar(16) not null check (mean_kind in ('weighted', 'flat')),
    primary key (profile_code, first_year, indicator_id),
    check (last_year is null or last_year >= first_year)
);

-- The one set of profiles a database held until now becomes entries from 2024, the year of the report the shipped
-- seeds print (the seeds' profile_rows.csv starts there too, so reloading them replaces these entries by key).
insert into profile_row (profile_code, first_year, indicator_id, last_year, sort_order, category, mean_kind)
select profile, 2024, id, null, sort_order, coalesce(category, ''), mean_kind from indicator where profile is not null;

-- sort_order stays: an indicator's place among its area's indicators (the order of the series charts).
alter table indicator drop column profile;
alter table indicator drop column category;
