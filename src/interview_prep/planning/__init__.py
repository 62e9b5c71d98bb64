"""Planning a meeting: the plan (`plan_interview`), its steps, the question finder, and
how alike two questions are."""
