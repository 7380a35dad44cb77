import { Languages, Monitor, Moon, Sun } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prefs } from '../../../../shared/contract';
import { setPrefs } from '../../app/actions';
import { formatDate, formatMoney, formatPercent } from '../../app/format';
import { systemLanguage } from '../../app/i18n';
import { useApp } from '../../app/store';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';

function Choice({ value, icon, label, hint }: { value: string; icon?: ReactNode; label: string; hint?: string }) {
  return (
    <RadioGroup.Item
      value={value}
      className={cn(
        'flex min-w-0 items-center gap-3 rounded-[10px] border border-line bg-surface px-3.5 py-3 text-left transition-colors duration-150',
        'hover:bg-hover data-[state=checked]:border-accent data-[state=checked]:bg-accent-soft data-[state=checked]:ring-1 data-[state=checked]:ring-accent/30',
      )}
    >
      {icon ? <span className="text-muted [&_svg]:size-5">{icon}</span> : null}
      <span className="min-w-0">
        <span className="block text-[13px] font-medium text-fg">{label}</span>
        {hint ? <span className="block truncate text-[12px] text-muted">{hint}</span> : null}
      </span>
    </RadioGroup.Item>
  );
}

export function AppearanceTab() {
  const { t, i18n } = useTranslation();
  const prefs = useApp((s) => s.prefs);
  const sample = [
    formatMoney(234750, 'USD', i18n.language),
    formatPercent(0.785, i18n.language),
    formatDate(new Date(), i18n.language),
  ].join(' · ');
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader
          title={t('settings.appearance.themeTitle')}
          description={t('settings.appearance.themeDescription')}
        />
        <RadioGroup.Root
          aria-label={t('theme.label')}
          value={prefs.theme}
          onValueChange={(v) => setPrefs({ theme: v as Prefs['theme'] })}
          className="grid grid-cols-3 gap-3 p-5"
        >
          <Choice value="light" icon={<Sun />} label={t('theme.light')} />
          <Choice value="dark" icon={<Moon />} label={t('theme.dark')} />
          <Choice value="system" icon={<Monitor />} label={t('theme.system')} hint={t('theme.systemHint')} />
        </RadioGroup.Root>
      </Card>
      <Card>
        <CardHeader
          title={t('settings.appearance.languageTitle')}
          description={t('settings.appearance.languageDescription')}
        />
        <RadioGroup.Root
          aria-label={t('language.label')}
          value={prefs.language ?? 'system'}
          onValueChange={(v) => setPrefs({ language: v === 'system' ? null : (v as 'en' | 'es') })}
          className="grid grid-cols-3 gap-3 p-5"
        >
          <Choice
            value="system"
            icon={<Languages />}
            label={t('language.system')}
            hint={t('language.systemHint', { language: t(`language.${systemLanguage()}`) })}
          />
          <Choice value="en" label={t('language.en')} hint="English (United States)" />
          <Choice value="es" label={t('language.es')} hint="Español (Latinoamérica)" />
        </RadioGroup.Root>
        <p className="border-t border-line px-5 py-3 text-[12px] text-muted">
          {t('settings.appearance.sample')} <span className="font-medium tabular-nums text-fg">{sample}</span>
        </p>
      </Card>
    </div>
  );
}
