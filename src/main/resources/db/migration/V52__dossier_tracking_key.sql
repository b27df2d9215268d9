-- Tracking key (issue 15): eight random digits printed on the receipt and held by its QR code, with which anyone
-- holding the receipt follows the dossier on the public tracking page, also when the applicant gave no phone or
-- identity number (an organisation, a dossier handed in by someone else). Dossiers received before have none: they are
-- followed with the last digits of the applicant's phone or identity number, as before.
alter table dossier add column tracking_key varchar(16);
