-- A weighted ASSS mean is Σ numerators / Σ denominators = Σ(value × weight) / Σ weight, where a member's weight is
-- its denominator (population of the target group, number of users). The weight is an ordinary indicator whose
-- observations are stored like any other; this column says which one weighs this indicator.
alter table indicator add column weight_indicator varchar(80);
