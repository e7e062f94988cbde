-- A short name for running text, where the printed name does not read as prose (issue 23): optional.
alter table indicator add column short_name varchar(200);
