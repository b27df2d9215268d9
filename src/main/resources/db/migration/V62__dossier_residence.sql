-- Desks receive regardless of residence (issue 12, Decree 118/2025/ND-CP): the commune, ward or special zone where the
-- applicant lives, recorded at receipt beside the receiving unit, so that the dossier and the indicators show who was
-- served away from home. Optional (unknown for dossiers received before, and for applicants living elsewhere).
alter table dossier add column residence_unit_id bigint references org_unit (id);
