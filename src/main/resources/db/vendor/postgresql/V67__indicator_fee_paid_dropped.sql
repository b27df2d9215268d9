-- Monitoring, PostgreSQL only (issue 19): online payment (3.6) is now over the dossiers with a fee to pay (fee_due,
-- V65); the count of dossiers whose fee was paid is no longer read by any indicator, so the summary stops keeping it.
-- The payment month (paid_month) stays: it places the dossiers paid online (paid_online) in the period.
alter table indicator_month drop column fee_paid;
