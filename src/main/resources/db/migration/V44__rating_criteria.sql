-- What went wrong, when an applicant rates the service low (issue 15): the satisfaction criteria they chose, as codes
-- of vn.motcua.dossier.RatingCriterion separated by commas (e.g. "TIME,STAFF"); null when none was chosen.
alter table dossier_rating add column criteria varchar(200);
