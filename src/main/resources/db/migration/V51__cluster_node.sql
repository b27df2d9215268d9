-- The nodes of a cluster sharing this database (vn.motcua.shared.ClusterNode): each running node renews its row
-- every few seconds. A node whose row is older than the liveness window is dead: the work it had claimed
-- (attachments being extracted, requests in progress under an Idempotency-Key) is taken up by the others at once
-- instead of waiting for a lease to run out. Two processes cannot run under one node name.
create table cluster_node (
    node_id      varchar(100) not null primary key,
    instance_id  varchar(64)  not null,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

-- The node that runs a request kept under an Idempotency-Key (a dead node's request frees its key at once)
alter table idempotency_record add column node_id varchar(100);
