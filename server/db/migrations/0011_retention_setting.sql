-- How long a society keeps a person's information after it stops working with them, in months, as the information
-- notice tells the person (standards DP-09). Null until the society has decided: the notice then says so and
-- never shows an invented figure. The upper bound (50 years) only catches typing mistakes.

alter table societies
  add column retention_months integer null check (retention_months between 1 and 600);
