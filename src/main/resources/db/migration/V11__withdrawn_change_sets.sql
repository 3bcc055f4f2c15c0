-- A change set can be withdrawn (by its author, a reviewer or an admin) while it waits for a
-- release, proposed or approved: it is then never published. The withdrawal is kept in the audit
-- trail as a review with the decision 'withdrawn' (who, when, why).
alter table change_set drop constraint change_set_status_check;
alter table change_set add constraint change_set_status_check
  check (status in ('proposed', 'approved', 'rejected', 'released', 'withdrawn'));
alter table review drop constraint review_decision_check;
alter table review add constraint review_decision_check
  check (decision in ('approved', 'rejected', 'withdrawn'));
