-- The engine reads a requirement's whole months from the tally: for one kind and type, every person's months,
-- summed per person. With the counts and quantities in an index ordered by person after the kind and type, that
-- read is an index-only scan whose rows arrive grouped by person, summed as they come, without visiting the
-- table or hashing. The counts are key columns (not INCLUDE, which H2 lacks).
create index ix_evidence_tally_cover on evidence_tally (kind, type_code, subject_kind, subject_id, month_start,
                                                        evidence_count, quantity_total);
