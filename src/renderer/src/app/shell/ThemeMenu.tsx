import { Check, Monitor, Moon, Sun } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Prefs } from '../../../../shared/contract';
import { Button } from '../../components/Button';
import { Tip } from '../../components/Tooltip';
import { setPrefs } from '../actions';
import { useApp } from '../store';
import { resolveTheme } from '../theme';

const THEMES: { value: Prefs['theme']; icon: typeof Sun }[] = [
  { value: 'light', icon: Sun },
  { value: 'dark', icon: Moon },
  { value: 'system', icon: Monitor },
];

export function ThemeMenu() {
  const { t } = useTranslation();
  const theme = useApp((s) => s.prefs.theme);
  const Icon = resolveTheme(theme) === 'dark' ? Moon : Sun;
  return (
    <DropdownMenu.Root>
      <Tip label={t('theme.label')}>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="icon" aria-label={t('theme.label')} data-testid="theme-menu">
            <Icon />
          </Button>
        </DropdownMenu.Trigger>
      </Tip>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="shadow-float z-50 min-w-40 animate-slide-down rounded-[10px] border border-line bg-surface p-1"
        >
          <DropdownMenu.RadioGroup value={theme} onValueChange={(v) => setPrefs({ theme: v as Prefs['theme'] })}>
            {THEMES.map(({ value, icon: ItemIcon }) => (
              <DropdownMenu.RadioItem
                key={value}
                value={value}
                className="relative flex h-8 cursor-default select-none items-center gap-2 rounded-md pr-8 pl-2 text-[13px] text-fg outline-none data-[highlighted]:bg-hover"
              >
                <ItemIcon className="size-4 text-faint" aria-hidden="true" />
                {t(`theme.${value}`)}
                <DropdownMenu.ItemIndicator className="absolute right-2 inline-flex">
                  <Check className="size-4 text-accent-text" aria-hidden="true" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
