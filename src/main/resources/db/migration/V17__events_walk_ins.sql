-- Walk-ins: lectures and talks open to everybody accept a signed-in person who was not invited.
-- The event says whether it is open (its type's category gives the default: lectures and health talks are open);
-- a walk-in gets a roll-call line of its own, marked as such, which re-resolving the invitation keeps.
alter table event add column walk_ins_open boolean not null default false;
update event set walk_ins_open = true
 where type_id in (select id from event_type where category in ('LECTURE', 'HEALTH_TALK'));
alter table event_participant add column walk_in boolean not null default false;
