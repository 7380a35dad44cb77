import {
  Building2,
  ChartNoAxesCombined,
  Contact,
  FlaskConical,
  FolderKanban,
  Gauge,
  HandCoins,
  Landmark,
  type LucideIcon,
  Settings,
  Workflow,
} from 'lucide-react';
import type { TableCounts } from '../../../shared/contract';
import type { Section } from '../../../shared/domain';

export interface SectionMeta {
  icon: LucideIcon;
  /** The record counts relevant to what the section will answer. */
  counts: (keyof TableCounts)[];
}

export const SECTION_META: Record<Section, SectionMeta> = {
  executive: { icon: Gauge, counts: ['projects', 'clients', 'leads'] },
  hubs: { icon: Building2, counts: ['hubs', 'people', 'projects'] },
  pipeline: { icon: Workflow, counts: ['leads', 'clients'] },
  projects: { icon: FolderKanban, counts: ['projects', 'clients', 'services'] },
  capacity: { icon: ChartNoAxesCombined, counts: ['people', 'projects', 'hubs'] },
  team: { icon: HandCoins, counts: ['people', 'projects'] },
  scenarios: { icon: FlaskConical, counts: ['projects', 'people', 'clients'] },
  clients: { icon: Contact, counts: ['clients', 'projects'] },
  finance: { icon: Landmark, counts: ['invoices', 'subscriptions', 'expenses'] },
  settings: { icon: Settings, counts: [] },
};
