CREATE INDEX `invoices_project` ON `invoices` (`project_id`);--> statement-breakpoint
CREATE INDEX `invoices_credits` ON `invoices` (`credits_invoice_id`);