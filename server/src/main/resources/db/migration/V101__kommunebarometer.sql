-- Kommunebarometeret (Kommunal Rapport): a municipality's place and grade per sector and in total ('Totalt'), per year
-- of the barometer as published (the 2019 barometer ranks on KOSTRA figures for 2018), copied by the analyst from the
-- published tables (the barometer has no open data): kommunebarometer.csv. `origin` and `row_order` as in V20.
create table kommunebarometer (
    ref_year    int           not null,
    region_code varchar(16)   not null references region (code),
    sector      varchar(100)  not null,
    rank_place  int           not null check (rank_place >= 1),
    rank_of     int           not null,
    grade       numeric(4, 2) check (grade between 1 and 6),
    source      varchar(400)  not null,
    origin      varchar(16)   not null,
    row_order   int           not null,
    primary key (ref_year, region_code, sector),
    check (rank_of >= rank_place)
);
