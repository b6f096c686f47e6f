-- Records showed their author's e-mail address to everyone who may read them („geändert von“).
-- From now on they store the display name (auditActor().authorName); the audit log keeps the
-- e-mail address for administrators. This rewrites what earlier versions stored: a value that
-- is a user's e-mail address becomes that user's display name. Values that are no e-mail
-- address of a user ("system", "Link: …", names) stay as they are.

UPDATE reorganisation AS t SET applied_by = u.display_name FROM app_user AS u WHERE lower(t.applied_by) = lower(u.email);
UPDATE ozg_responsibility_rule AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE ozg_adoption AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE ozg_onboarding AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE exchange_offer AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE exchange_interest AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE exchange_agreement AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE survey_campaign AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE survey_response AS t SET submitted_by = u.display_name FROM app_user AS u WHERE lower(t.submitted_by) = lower(u.email);
UPDATE survey_response AS t SET reviewed_by = u.display_name FROM app_user AS u WHERE lower(t.reviewed_by) = lower(u.email);
UPDATE survey_answer AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE survey_token AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE survey_comment AS t SET author = u.display_name FROM app_user AS u WHERE lower(t.author) = lower(u.email);
UPDATE survey_delegation AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE strategy AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE scenario AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE scenario AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE measure AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE measure AS t SET updated_by = u.display_name FROM app_user AS u WHERE lower(t.updated_by) = lower(u.email);
UPDATE governance_decision AS t SET created_by = u.display_name FROM app_user AS u WHERE lower(t.created_by) = lower(u.email);
UPDATE kpi_snapshot AS t SET taken_by = u.display_name FROM app_user AS u WHERE lower(t.taken_by) = lower(u.email);
