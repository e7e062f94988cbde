-- Where in StatBank each indicator comes from (catalogue table indicator_sources.csv): one series per indicator and
-- role. filters holds the categories of the table's other dimensions as written in the file (DIM=CODE[+CODE];DIM=CODE).
create table indicator_source (
    indicator_id varchar(80)   not null references indicator (id),
    role         varchar(16)   not null check (role in ('value', 'numerator', 'denominator')),
    table_id     varchar(16)   not null,
    contents     varchar(80)   not null,
    filters      varchar(2000) not null,
    factor       double precision not null,
    verified     boolean       not null,
    evidence     varchar(2000) not null,
    primary key (indicator_id, role)
);
