DROP INDEX `payments_paid_on`;--> statement-breakpoint
CREATE INDEX `payments_paid_on` ON `payments` (`paid_on`,`currency`,`amount_minor`,`invoice_id`);--> statement-breakpoint
DROP INDEX `leads_closed`;--> statement-breakpoint
CREATE INDEX `leads_closed` ON `leads` (`stage`,`closed_at`,`reached_proposal`,`hub_id`,`expected_value_minor`,`currency`) WHERE closed_at IS NOT NULL;