-- When a consumer's first failing call came (epoch milliseconds, the start of its minute bucket),
-- for incidents the breakage detector opened: time to detect is measured from it (issue 16).
-- Null for incidents opened by hand and for silent consumers (measured from the cut-over then).
alter table incident add column first_failing_at bigint;
