-- The leads table at 1.2M rows (src/main/core/leads/query.ts): indexes for the channel, vertical and tier filters;
-- the sort orders that bulk rescoring does not write hold the id and the categorical filter columns; the company by
-- id sorts full-text matches. None holds score or win_probability, which rescoring rewrites on every lead.
DROP INDEX `leads_created`;--> statement-breakpoint
DROP INDEX `leads_last_activity`;--> statement-breakpoint
DROP INDEX `leads_company`;--> statement-breakpoint
DROP INDEX `leads_expected_value`;--> statement-breakpoint
CREATE INDEX `leads_channel` ON `leads` (`channel`);--> statement-breakpoint
CREATE INDEX `leads_vertical` ON `leads` (`vertical`);--> statement-breakpoint
CREATE INDEX `leads_tier` ON `leads` (`tier`);--> statement-breakpoint
CREATE INDEX `leads_company_by_id` ON `leads` (`id`,"company" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`,`id`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_last_activity` ON `leads` (`last_activity_at`,`id`,`created_at`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_company` ON `leads` ("company" COLLATE NOCASE,`id`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_expected_value` ON `leads` (`expected_value_minor`,`id`,`stage`,`channel`,`vertical`,`tier`,`owner_id`,`hub_id`);