-- How a profile shows in its area's report workbook (issue 21 §3), all optional: the sheet it is on, its
-- ressursbruksindikator (shown per area in the summary), and the Kommunebarometeret sector its area is ranked in.
-- No foreign key on resource_indicator: a catalogue import writes profiles before indicators; the catalogue check
-- (CatalogTables.checkReferences) refuses an unknown one before anything is written.
alter table service_profile add column sheet_title varchar(31);
alter table service_profile add column resource_indicator varchar(80);
alter table service_profile add column barometer_sector varchar(100);
