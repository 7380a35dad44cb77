/** Pipeline: the leads table (server-side, virtualized), saved segments, and the lead detail. */
export function PipelinePage() {
  return null;
}
