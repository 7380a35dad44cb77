import { Check, Languages } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Tip } from '../../components/Tooltip';
import { setPrefs } from '../actions';
import { useApp } from '../store';

/** Language: follow the system, English or Spanish (stored in prefs). */
export function LanguageMenu() {
  const { t } = useTranslation();
  const language = useApp((s) => s.prefs.language);
  return (
    <DropdownMenu.Root>
      <Tip label={t('language.label')}>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="icon" aria-label={t('language.label')}>
            <Languages />
          </Button>
        </DropdownMenu.Trigger>
      </Tip>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="shadow-float z-50 min-w-44 animate-slide-down rounded-[10px] border border-line bg-surface p-1"
        >
          <DropdownMenu.RadioGroup
            value={language ?? 'system'}
            onValueChange={(v) => setPrefs({ language: v === 'system' ? null : (v as 'en' | 'es') })}
          >
            {(['system', 'en', 'es'] as const).map((value) => (
              <DropdownMenu.RadioItem
                key={value}
                value={value}
                className="relative flex h-8 cursor-default select-none items-center rounded-md pr-8 pl-2 text-[13px] text-fg outline-none data-[highlighted]:bg-hover"
              >
                {t(`language.${value}`)}
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
