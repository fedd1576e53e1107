-- A requirement's evidence, in the order the engine groups it: one kind (and type), then subject, then date.
-- Replaces ix_evidence_kind (kind, type_code, evidence_date, ...): with the subject before the date, a
-- requirement's slice of the index arrives grouped by subject, so it is counted as it is read (no hash table),
-- and the index still covers the whole query (date and quantity are in it).
drop index ix_evidence_kind;
create index ix_evidence_requirement on evidence (kind, type_code, subject_kind, subject_id, evidence_date, quantity);
