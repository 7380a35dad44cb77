/** Clients: the table with health and churn risk, saved views, and the client detail. */
export function ClientsPage() {
  return null;
}
