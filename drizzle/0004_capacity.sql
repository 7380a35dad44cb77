CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`planned_hours` real NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`cost_minor` integer,
	`cost_currency` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assignments_hours" CHECK("assignments"."planned_hours" > 0),
	CONSTRAINT "assignments_dates" CHECK("assignments"."end_date" >= "assignments"."start_date"),
	CONSTRAINT "assignments_cost" CHECK(("assignments"."cost_minor" IS NULL) = ("assignments"."cost_currency" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `assignments_person` ON `assignments` (`person_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `assignments_project` ON `assignments` (`project_id`);--> statement-breakpoint
CREATE TABLE `hub_holidays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hub_id` integer NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hubs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hub_holidays_day` ON `hub_holidays` (`hub_id`,`date`,`name`);--> statement-breakpoint
CREATE TABLE `person_skills` (
	`person_id` integer NOT NULL,
	`skill` text NOT NULL,
	`level` integer NOT NULL,
	PRIMARY KEY(`person_id`, `skill`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "person_skills_level" CHECK("person_skills"."level" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE `time_daily` (
	`date` text NOT NULL,
	`person_id` integer NOT NULL,
	`hours` real NOT NULL,
	PRIMARY KEY(`date`, `person_id`)
);
--> statement-breakpoint
CREATE TABLE `time_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`date` text NOT NULL,
	`hours` real NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "time_entries_hours" CHECK("time_entries"."hours" > 0 AND "time_entries"."hours" <= 24)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_day` ON `time_entries` (`person_id`,`project_id`,`date`);--> statement-breakpoint
CREATE INDEX `time_entries_project` ON `time_entries` (`project_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `time_off` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "time_off_dates" CHECK("time_off"."end_date" >= "time_off"."start_date")
);
--> statement-breakpoint
CREATE INDEX `time_off_person` ON `time_off` (`person_id`,`start_date`);--> statement-breakpoint
ALTER TABLE `people` ADD `work_start_minute` integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `hourly_rate_minor` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `rate_currency` text;--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): time_daily is the per-person-day sum of time_entries.
CREATE TRIGGER `time_daily_insert` AFTER INSERT ON `time_entries` BEGIN
  INSERT INTO time_daily (date, person_id, hours) VALUES (new.date, new.person_id, new.hours)
    ON CONFLICT (date, person_id) DO UPDATE SET hours = hours + excluded.hours;
END;--> statement-breakpoint
CREATE TRIGGER `time_daily_delete` AFTER DELETE ON `time_entries` BEGIN
  UPDATE time_daily SET hours = hours - old.hours WHERE date = old.date AND person_id = old.person_id;
  DELETE FROM time_daily WHERE date = old.date AND person_id = old.person_id AND hours <= 0.000001;
END;--> statement-breakpoint
CREATE TRIGGER `time_daily_update` AFTER UPDATE OF hours, date, person_id ON `time_entries` BEGIN
  UPDATE time_daily SET hours = hours - old.hours WHERE date = old.date AND person_id = old.person_id;
  DELETE FROM time_daily WHERE date = old.date AND person_id = old.person_id AND hours <= 0.000001;
  INSERT INTO time_daily (date, person_id, hours) VALUES (new.date, new.person_id, new.hours)
    ON CONFLICT (date, person_id) DO UPDATE SET hours = hours + excluded.hours;
END;
