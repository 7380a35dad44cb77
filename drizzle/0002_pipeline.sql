-- Hand-corrected: drizzle-kit copied the new lead columns from the old table, where they do not exist
-- yet; the copies take their defaults. Hand-added at the end: full-text search over leads (FTS5).
CREATE TABLE `lead_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`person_id` integer,
	`note` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_activities_lead` ON `lead_activities` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `lead_stage_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_stage_changes_lead` ON `lead_stage_changes` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `project_stage_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_stage_changes_project` ON `project_stage_changes` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `quality_gate_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`gate` integer NOT NULL,
	`passed` integer NOT NULL,
	`reviewer_id` integer,
	`checklist` text NOT NULL,
	`notes` text,
	`at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quality_gate_reviews_gate" CHECK("quality_gate_reviews"."gate" IN (1, 2, 3))
);
--> statement-breakpoint
CREATE INDEX `quality_gate_reviews_project` ON `quality_gate_reviews` (`project_id`,`gate`,`at`);--> statement-breakpoint
CREATE TABLE `scoring_models` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trained_at` text NOT NULL,
	`model` text NOT NULL,
	`quality` text NOT NULL,
	`examples` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_leads` (
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
	`contact_email` text,
	`role` text,
	`budget_minor` integer,
	`timeline` text,
	`authority` text,
	`need` text,
	`last_activity_at` text,
	`activity_count` integer DEFAULT 0 NOT NULL,
	`score` integer,
	`score_breakdown` text,
	`win_probability` real,
	`probability_override` real,
	`scored_at` text,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "leads_probability" CHECK("__new_leads"."probability_override" IS NULL OR "__new_leads"."probability_override" BETWEEN 0 AND 1)
);
--> statement-breakpoint
INSERT INTO `__new_leads`("id", "company", "contact_name", "channel", "vertical", "tier", "hub_id", "owner_id", "service_id", "stage", "expected_value_minor", "currency", "created_at", "closed_at", "lost_reason", "client_id", "contact_email", "role", "budget_minor", "timeline", "authority", "need", "last_activity_at", "activity_count", "score", "score_breakdown", "win_probability", "probability_override", "scored_at") SELECT "id", "company", "contact_name", "channel", "vertical", "tier", "hub_id", "owner_id", "service_id", "stage", "expected_value_minor", "currency", "created_at", "closed_at", "lost_reason", "client_id", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL FROM `leads`;--> statement-breakpoint
DROP TABLE `leads`;--> statement-breakpoint
ALTER TABLE `__new_leads` RENAME TO `leads`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `leads_stage` ON `leads` (`stage`);--> statement-breakpoint
CREATE INDEX `leads_created` ON `leads` (`created_at`);--> statement-breakpoint
CREATE INDEX `leads_score` ON `leads` (`score`);--> statement-breakpoint
CREATE INDEX `leads_owner` ON `leads` (`owner_id`);--> statement-breakpoint
CREATE INDEX `leads_hub` ON `leads` (`hub_id`);--> statement-breakpoint
CREATE INDEX `leads_last_activity` ON `leads` (`last_activity_at`);--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `scoring_weights` text;
--> statement-breakpoint
CREATE VIRTUAL TABLE `leads_fts` USING fts5(company, contact_name, content='leads', content_rowid='id', tokenize='unicode61 remove_diacritics 2');--> statement-breakpoint
INSERT INTO `leads_fts`(rowid, company, contact_name) SELECT id, company, contact_name FROM `leads`;--> statement-breakpoint
CREATE TRIGGER `leads_fts_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO leads_fts(rowid, company, contact_name) VALUES (new.id, new.company, new.contact_name);
END;--> statement-breakpoint
CREATE TRIGGER `leads_fts_delete` AFTER DELETE ON `leads` BEGIN
  INSERT INTO leads_fts(leads_fts, rowid, company, contact_name) VALUES ('delete', old.id, old.company, old.contact_name);
END;--> statement-breakpoint
CREATE TRIGGER `leads_fts_update` AFTER UPDATE OF company, contact_name ON `leads` BEGIN
  INSERT INTO leads_fts(leads_fts, rowid, company, contact_name) VALUES ('delete', old.id, old.company, old.contact_name);
  INSERT INTO leads_fts(rowid, company, contact_name) VALUES (new.id, new.company, new.contact_name);
END;
