DROP INDEX `projects_client`;--> statement-breakpoint
CREATE INDEX `projects_client` ON `projects` (`client_id`,`created_at`,`stage`,`service_id`,`delivered_at`,`hub_id`);