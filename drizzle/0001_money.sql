-- Hand-corrected: drizzle-kit copied the two new columns of clients and projects from the old tables,
-- where they do not exist yet; the copies take their defaults instead.
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`priority` text NOT NULL,
	`rule` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`params` text NOT NULL,
	`raised_at` text NOT NULL,
	`dismissed_at` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_open` ON `alerts` (`rule`,`entity`,`entity_id`) WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE TABLE `expenses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`category` text NOT NULL,
	`hub_id` integer,
	`description` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`recurrence` text NOT NULL,
	`recurrence_end_month` text,
	`voided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "expenses_positive" CHECK("expenses"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `expenses_date` ON `expenses` (`date`);--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`currency` text NOT NULL,
	`date` text NOT NULL,
	`rate` real NOT NULL,
	PRIMARY KEY(`currency`, `date`),
	CONSTRAINT "fx_rates_positive" CHECK("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series` text,
	`seq` integer,
	`number` text,
	`kind` text NOT NULL,
	`client_id` integer NOT NULL,
	`hub_id` integer,
	`project_id` integer,
	`subscription_id` integer,
	`period_month` text,
	`credits_invoice_id` integer,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`issue_date` text,
	`due_date` text,
	`paid_on` text,
	`reverse_charge` integer DEFAULT false NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`notes` text,
	`void_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credits_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_status_known" CHECK("invoices"."status" IN ('draft', 'sent', 'paid', 'void')),
	CONSTRAINT "invoices_numbered" CHECK(("invoices"."status" = 'draft') = ("invoices"."number" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_series_seq` ON `invoices` (`series`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_project_delivery` ON `invoices` (`project_id`) WHERE kind = 'delivery' AND status <> 'void';--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_subscription_month` ON `invoices` (`subscription_id`,`period_month`) WHERE kind = 'subscription' AND status <> 'void';--> statement-breakpoint
CREATE INDEX `invoices_client` ON `invoices` (`client_id`);--> statement-breakpoint
CREATE INDEX `invoices_status` ON `invoices` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`paid_on` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`applied_minor` integer NOT NULL,
	`method` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_positive" CHECK("payments"."amount_minor" > 0 AND "payments"."applied_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_invoice` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payments_paid_on` ON `payments` (`paid_on`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`screen` text NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_name` ON `saved_views` (`screen`,lower("name"));--> statement-breakpoint
CREATE TABLE `subscription_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`kind` text NOT NULL,
	`effective_on` text NOT NULL,
	`fee_minor` integer,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subscription_changes_fee" CHECK(("subscription_changes"."kind" IN ('start', 'change')) = ("subscription_changes"."fee_minor" IS NOT NULL) AND ("subscription_changes"."fee_minor" IS NULL OR "subscription_changes"."fee_minor" > 0))
);
--> statement-breakpoint
CREATE INDEX `subscription_changes_sub` ON `subscription_changes` (`subscription_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscriptions_client` ON `subscriptions` (`client_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`tier` integer NOT NULL,
	`vertical` text NOT NULL,
	`hub_id` integer,
	`country` text NOT NULL,
	`email` text,
	`created_at` text NOT NULL,
	`payment_terms_days` integer DEFAULT 15 NOT NULL,
	`deposit_pct` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clients_tier" CHECK("__new_clients"."tier" IN (1, 2, 3)),
	CONSTRAINT "clients_terms" CHECK("__new_clients"."payment_terms_days" BETWEEN 0 AND 180 AND "__new_clients"."deposit_pct" BETWEEN 0 AND 100)
);
--> statement-breakpoint
INSERT INTO `__new_clients`("id", "name", "tier", "vertical", "hub_id", "country", "email", "created_at", "payment_terms_days", "deposit_pct") SELECT "id", "name", "tier", "vertical", "hub_id", "country", "email", "created_at", 15, 0 FROM `clients`;--> statement-breakpoint
DROP TABLE `clients`;--> statement-breakpoint
ALTER TABLE `__new_clients` RENAME TO `clients`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `clients_hub` ON `clients` (`hub_id`);--> statement-breakpoint
CREATE TABLE `__new_projects` (
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
	`satisfaction` integer,
	`revision_cycles` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "projects_value" CHECK("__new_projects"."value_minor" >= 0),
	CONSTRAINT "projects_satisfaction" CHECK("__new_projects"."satisfaction" IS NULL OR "__new_projects"."satisfaction" BETWEEN 1 AND 10)
);
--> statement-breakpoint
INSERT INTO `__new_projects`("id", "name", "client_id", "hub_id", "service_id", "lead_id", "value_minor", "currency", "stage", "created_at", "start_date", "due_date", "delivered_at", "satisfaction", "revision_cycles") SELECT "id", "name", "client_id", "hub_id", "service_id", "lead_id", "value_minor", "currency", "stage", "created_at", "start_date", "due_date", "delivered_at", NULL, 0 FROM `projects`;--> statement-breakpoint
DROP TABLE `projects`;--> statement-breakpoint
ALTER TABLE `__new_projects` RENAME TO `projects`;--> statement-breakpoint
CREATE INDEX `projects_client` ON `projects` (`client_id`);--> statement-breakpoint
CREATE INDEX `projects_hub` ON `projects` (`hub_id`);--> statement-breakpoint
CREATE INDEX `projects_stage` ON `projects` (`stage`);