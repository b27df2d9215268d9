-- Feedback and complaints (issue 19, Decision 766 HL.2): the sender says once whether the answer satisfied them
-- (SATISFIED or UNSATISFIED), and when.
alter table feedback add column verdict varchar(12);
alter table feedback add column judged_at timestamp with time zone;
