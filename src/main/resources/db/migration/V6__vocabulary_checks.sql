-- Every closed vocabulary of the table model (org.plenary.seed.Vocabulary) is a CHECK constraint,
-- as V1 already had for some: the database refuses what the loader refuses. TableModelTest checks
-- that each constraint allows exactly the declared values, so a new value is one line in
-- Vocabulary.java plus a migration that replaces the constraint.

alter table source add constraint source_kind_check check (kind in ('official_un', 'government', 'news', 'ngo', 'company', 'dataset', 'aggregator', 'ai_summary', 'reference_work', 'blog', 'intergovernmental'));
alter table delegation add constraint delegation_kind_check check (kind in ('member_state', 'regional_organization'));
alter table delegation add constraint delegation_regional_group_check check (regional_group in ('african', 'asia_pacific', 'eastern_european', 'grulac', 'weog'));
alter table delegation add constraint delegation_regional_group_status_check check (regional_group_status in ('member', 'observer', 'disputed', 'none'));
alter table body add constraint body_kind_check check (kind in ('plenary', 'main_committee', 'subsidiary_body'));
alter table document add constraint document_kind_check check (kind in ('resolution', 'draft_resolution', 'amendment', 'report', 'proposal'));
alter table vote add constraint vote_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
alter table vote_document add constraint vote_document_role_check check (role in ('adopted_text', 'draft', 'amendment', 'report', 'subject'));
alter table organization add constraint organization_kind_check check (kind in ('ngo', 'ngo_coalition', 'company', 'industry_coalition', 'business_association', 'think_tank', 'un_body', 'intergovernmental', 'eu_institution'));
alter table position add constraint position_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
alter table event add constraint event_kind_check check (kind in ('proposal', 'resolution', 'session', 'suspension', 'agreement', 'adoption', 'signing', 'rule', 'vote'));
alter table event add constraint event_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
alter table signature add constraint signature_certainty_check check (certainty in ('confirmed', 'single_source', 'uncertain'));
alter table citation add constraint citation_record_type_check check (record_type in ('delegation', 'body', 'document', 'vote', 'roll_call', 'organization', 'membership', 'person', 'position', 'event', 'treaty', 'signature'));
