-- The organisation's read model for set-based queries of other modules (the compliance engine): people and
-- units as rows, with the paths their data scope and subtree matching need. Owned by organisation: its tables
-- may change, these views keep their columns. Nothing writes through them.

-- One row per person. party_path: the person's party group, or else branch; admin_path: class, teaching office
-- or department. A person lies in a subtree when either path starts with the subtree's path.
create view subject_person as
select p.id               as person_id,
       p.name             as name,
       p.name_sort        as name_sort,
       p.person_type      as person_type,
       p.political_status as political_status,
       p.party_leader     as party_leader,
       p.active           as active,
       p.branch_id        as branch_id,
       coalesce(g.path, b.path) as party_path,
       a.path             as admin_path
from person p
         left join org_unit b on b.id = p.branch_id
         left join org_unit g on g.id = p.party_group_id
         left join org_unit a on a.id = p.admin_unit_id;

-- Posts held (since/until bound them; null means open).
create view subject_post as
select person_id, org_unit_id, post, since, until
from post_assignment;

-- Every org unit with its path ("/1/4/9/": a subtree is a path prefix).
create view subject_unit as
select id as unit_id, parent_id, path, name, unit_type, branch_kind, sort_order
from org_unit;
