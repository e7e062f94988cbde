-- A returned workbook's recorded sender is who sent it (the signed-in caller, or the command line's user); the free
-- text a person gives as sender is kept only as a note beside it.
alter table workbook_upload add column sender_note varchar(200);
