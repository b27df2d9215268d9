-- When each completed step was due (the task's due date when it was completed, clock stops included): the control
-- sheet (Circular 03/2025/TT-VPCP, Annex I, form 06) prints it and judges the step early, on time or late.
-- Steps recorded before this migration have none; the sheet leaves their result blank.
alter table dossier_step add column due_at timestamp with time zone;
