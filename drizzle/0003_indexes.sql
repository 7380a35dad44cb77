-- Hand-corrected: drizzle-kit split the expression of leads_probability at its comma.
CREATE INDEX `invoices_project` ON `invoices` (`project_id`);--> statement-breakpoint
CREATE INDEX `invoices_credits` ON `invoices` (`credits_invoice_id`);--> statement-breakpoint
CREATE INDEX `leads_company` ON `leads` ("company" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `leads_expected_value` ON `leads` (`expected_value_minor`);--> statement-breakpoint
CREATE INDEX `leads_probability` ON `leads` (coalesce("probability_override", "win_probability"));