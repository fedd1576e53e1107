-- The evidence tally: the evidence counted per subject, kind, type and calendar month (month_start, its first
-- day), with the sum of the quantities. EvidenceLedger keeps it in the transaction of every evidence write, by
-- the exact change of each write; a row whose count drops to zero is deleted. The engine reads a person
-- requirement's whole months here and only the days of its partial first and last months from the evidence.
-- type_code is '' for evidence without a type (a key column cannot be null).
create table evidence_tally
(
    kind           varchar(30)    not null,
    type_code      varchar(60)    not null,
    subject_kind   varchar(1)     not null,
    subject_id     bigint         not null,
    month_start    date           not null,
    evidence_count bigint         not null,
    quantity_total numeric(14, 2) not null,
    constraint pk_evidence_tally primary key (kind, type_code, subject_kind, subject_id, month_start)
);

insert into evidence_tally (kind, type_code, subject_kind, subject_id, month_start, evidence_count, quantity_total)
select kind, coalesce(type_code, ''), subject_kind, subject_id,
       cast(date_trunc('month', cast(evidence_date as timestamp)) as date), count(*), sum(quantity)
from evidence
group by kind, coalesce(type_code, ''), subject_kind, subject_id,
         cast(date_trunc('month', cast(evidence_date as timestamp)) as date);

-- What is still read from the evidence is a few days of a kind (the edges of a window, the unit requirements,
-- the indicators): ordered by date after the kind and type, the index reads just those days and still covers
-- the query. It replaces ix_evidence_requirement (subject before date), which served the reading of whole
-- periods that the tally now answers.
drop index ix_evidence_requirement;
create index ix_evidence_day on evidence (kind, type_code, evidence_date, subject_kind, subject_id, quantity);
