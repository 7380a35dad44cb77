CREATE TABLE `hubs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`target_kind` text,
	`target_share_bp` integer,
	`leader_id` integer,
	`color` text NOT NULL,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "hubs_target_pair" CHECK(("hubs"."target_kind" IS NULL) = ("hubs"."target_share_bp" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hubs_name_unique` ON `hubs` (lower("name"));--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text NOT NULL,
	`hub_id` integer,
	`employment_type` text NOT NULL,
	`time_zone` text NOT NULL,
	`hours_per_day` real NOT NULL,
	`workdays` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_hours" CHECK("people"."hours_per_day" > 0 AND "people"."hours_per_day" <= 24)
);
--> statement-breakpoint
CREATE INDEX `people_hub` ON `people` (`hub_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`currency` text NOT NULL,
	`t1_min_minor` integer NOT NULL,
	`t1_max_minor` integer NOT NULL,
	`t2_min_minor` integer NOT NULL,
	`t2_max_minor` integer NOT NULL,
	`t3_min_minor` integer NOT NULL,
	`t3_max_minor` integer NOT NULL,
	`turnaround_hours_min` real NOT NULL,
	`turnaround_hours_max` real NOT NULL,
	`effort_hours` real NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_code_unique` ON `services` (`code`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`tier` integer NOT NULL,
	`vertical` text NOT NULL,
	`hub_id` integer,
	`country` text NOT NULL,
	`email` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clients_tier" CHECK("clients"."tier" IN (1, 2, 3))
);
--> statement-breakpoint
CREATE INDEX `clients_hub` ON `clients` (`hub_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company` text NOT NULL,
	`contact_name` text NOT NULL,
	`channel` text NOT NULL,
	`vertical` text NOT NULL,
	`tier` integer NOT NULL,
	`hub_id` integer,
	`owner_id` integer,
	`service_id` integer,
	`stage` text NOT NULL,
	`expected_value_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	`lost_reason` text,
	`client_id` integer,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leads_stage` ON `leads` (`stage`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`client_id` integer NOT NULL,
	`hub_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`lead_id` integer,
	`value_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`stage` text NOT NULL,
	`created_at` text NOT NULL,
	`start_date` text NOT NULL,
	`due_date` text NOT NULL,
	`delivered_at` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "projects_value" CHECK("projects"."value_minor" >= 0)
);
--> statement-breakpoint
CREATE INDEX `projects_client` ON `projects` (`client_id`);--> statement-breakpoint
CREATE INDEX `projects_hub` ON `projects` (`hub_id`);--> statement-breakpoint
CREATE INDEX `projects_stage` ON `projects` (`stage`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `workspace_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`logo_data_url` text,
	`reporting_currency` text NOT NULL,
	`time_zone` text NOT NULL,
	`baseline_month` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "workspace_settings_single_row" CHECK("workspace_settings"."id" = 1)
);
