import type { Currency, ServiceKind } from '../../../shared/domain';

export interface ServiceDefault {
  code: string;
  name: string;
  kind: ServiceKind;
  currency: Currency;
  /** Price range per tier in whole dollars: [Tier 1, Tier 2, Tier 3], each [min, max]. */
  prices: [[number, number], [number, number], [number, number]];
  turnaroundHours: [number, number];
  /** Typical effort in hours per project (per month for subscriptions). */
  effortHours: number;
}

const sameForAllTiers = (min: number, max: number): ServiceDefault['prices'] => [
  [min, max],
  [min, max],
  [min, max],
];

/**
 * The default catalogue of PRODUCT.md §1. "Tier-based" services take each
 * tier's project range (Tier 1 $500–2,000, Tier 2 $100–500, Tier 3 $50–150),
 * narrowed by how much work the service is.
 */
export const DEFAULT_SERVICES: ServiceDefault[] = [
  {
    code: 'social_video',
    name: 'Social Media Video',
    kind: 'project',
    currency: 'USD',
    prices: [
      [500, 900],
      [100, 250],
      [50, 100],
    ],
    turnaroundHours: [24, 48],
    effortHours: 3,
  },
  {
    code: 'explainer',
    name: 'Explainer Video',
    kind: 'project',
    currency: 'USD',
    prices: [
      [800, 1600],
      [250, 450],
      [100, 150],
    ],
    turnaroundHours: [72, 120],
    effortHours: 10,
  },
  {
    code: 'brand_campaign',
    name: 'Brand Campaign',
    kind: 'project',
    currency: 'USD',
    prices: [
      [1200, 2000],
      [350, 500],
      [120, 150],
    ],
    turnaroundHours: [120, 240],
    effortHours: 24,
  },
  {
    code: 'quick_edit',
    name: 'Quick Edit',
    kind: 'project',
    currency: 'USD',
    prices: sameForAllTiers(25, 75),
    turnaroundHours: [4, 24],
    effortHours: 1,
  },
  {
    code: 'ai_asset',
    name: 'AI-Generated Asset',
    kind: 'project',
    currency: 'USD',
    prices: sameForAllTiers(15, 50),
    turnaroundHours: [4, 4],
    effortHours: 0.5,
  },
  {
    code: 'template_custom',
    name: 'Template Customization',
    kind: 'project',
    currency: 'USD',
    prices: sameForAllTiers(30, 100),
    turnaroundHours: [12, 12],
    effortHours: 1.5,
  },
  {
    code: 'content_subscription',
    name: 'Content Subscription',
    kind: 'subscription',
    currency: 'USD',
    prices: sameForAllTiers(300, 800),
    turnaroundHours: [0, 0],
    effortHours: 20,
  },
  {
    code: 'social_management',
    name: 'Social Media Management',
    kind: 'subscription',
    currency: 'USD',
    prices: sameForAllTiers(200, 500),
    turnaroundHours: [0, 0],
    effortHours: 15,
  },
  {
    code: 'brand_library',
    name: 'Brand Asset Library',
    kind: 'subscription',
    currency: 'USD',
    prices: sameForAllTiers(100, 300),
    turnaroundHours: [0, 0],
    effortHours: 6,
  },
];
