-- Middle pages of the leads table at 1.2M leads (src/main/core/leads/query.ts): every sort index holds the id and
-- all filter columns except score, so walking one to any offset tests the filter without reading rows; the score index
-- also holds the probability's columns. The score and probability indexes are rewritten by rescoring; the dates in them
-- change seldom.
DROP INDEX `leads_score`;--> statement-breakpoint
DROP INDEX `leads_created`;--> statement-breakpoint
DROP INDEX `leads_company`;--> statement-breakpoint
DROP INDEX `leads_expected_value`;--> statement-breakpoint
DROP INDEX `leads_probability`;--> statement-breakpoint
CREATE INDEX `leads_score` ON `leads` (`score`,`id`,`created_at`,`last_activity_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`,`probability_override`,`win_probability`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`,`id`,`last_activity_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_company` ON `leads` ("company" COLLATE NOCASE,`id`,`created_at`,`last_activity_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_expected_value` ON `leads` (`expected_value_minor`,`id`,`created_at`,`last_activity_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_probability` ON `leads` (coalesce("probability_override", "win_probability"),`id`,`created_at`,`last_activity_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);