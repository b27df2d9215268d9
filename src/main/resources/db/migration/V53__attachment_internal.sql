-- Internal files (issue 15): a file a civil servant adds to a dossier while working on it (a check slip, a draft, an
-- inter-agency note) is the unit's, not the applicant's: the applicant who follows their dossier does not see it,
-- unless the uploader gave it to them (a scanned result, a notice). The papers of the dossier itself (files of a
-- component, files the applicant added) are never internal. Files added before this migration stay visible.
alter table attachment add column internal boolean default false not null;
