-- The name a year's layout prints for a row, where KS renamed it without changing what it measures (optional;
-- profile_rows.csv column name). A statistic with another age group or definition is another indicator instead.
alter table profile_row add column printed_name varchar(400);
