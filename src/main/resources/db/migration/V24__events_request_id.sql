-- A new event's form carries a request id: the same form sent twice (a double click, a retry after a lost
-- answer, two racing requests) schedules one event. Null for events scheduled without one (series, demo).
alter table event add column client_request_id varchar(64);
create unique index uk_event_request on event (created_by, client_request_id);
