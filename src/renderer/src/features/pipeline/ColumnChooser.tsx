/** Which columns the leads table shows; remembered on this computer (localStorage). */
import { Columns3 } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { COLUMN_IDS, type ColumnId, LAYOUT } from './columns';

const STORAGE_KEY = 'atalaya.leads.columns';

export type Visibility = Record<ColumnId, boolean>;

export function defaultVisibility(): Visibility {
  return Object.fromEntries(COLUMN_IDS.map((id) => [id, LAYOUT[id].visible])) as Visibility;
}

function readVisibility(): Visibility {
  const base = defaultVisibility();
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    for (const id of COLUMN_IDS) if (typeof saved[id] === 'boolean') base[id] = saved[id] as boolean;
  } catch {
    // A damaged entry falls back to the defaults.
  }
  base.company = true;
  return base;
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState<Visibility>(readVisibility);
  const update = (next: Visibility) => {
    setVisibility(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or off: the choice lasts for this session.
    }
  };
  return [visibility, update] as const;
}

export function ColumnChooser({ visibility, onChange }: { visibility: Visibility; onChange: (v: Visibility) => void }) {
  const { t } = useTranslation('pipeline');
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button icon={<Columns3 />} data-testid="columns-button">
          {t('columnsChooser.button')}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          aria-label={t('columnsChooser.title')}
          className="shadow-float z-50 w-56 animate-slide-down rounded-xl border border-line bg-surface p-1.5"
        >
          <p className="px-2 pt-1.5 pb-1 text-[12px] font-medium text-muted">{t('columnsChooser.title')}</p>
          <ul className="flex flex-col">
            {COLUMN_IDS.map((id) => (
              <li key={id}>
                <label className="flex h-8 cursor-pointer items-center gap-2.5 rounded-md px-2 text-[13px] text-fg hover:bg-hover has-[:disabled]:cursor-default has-[:disabled]:text-muted">
                  <input
                    type="checkbox"
                    checked={visibility[id]}
                    disabled={id === 'company'}
                    onChange={(e) => onChange({ ...visibility, [id]: e.target.checked })}
                    className="size-3.5 accent-[var(--accent)]"
                  />
                  {t(`columns.${id}`)}
                </label>
              </li>
            ))}
          </ul>
          <div className="mt-1 border-t border-line pt-1">
            <button
              type="button"
              onClick={() => onChange(defaultVisibility())}
              className="flex h-8 w-full items-center rounded-md px-2 text-left text-[13px] text-accent-text hover:bg-hover"
            >
              {t('columnsChooser.reset')}
            </button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
