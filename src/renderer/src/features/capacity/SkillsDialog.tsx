/** A person's skills: each of SKILLS at a level from 1 (junior) to 5 (lead), or not at all. */
import { RadioGroup } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { type CapacityPerson, SKILL_LEVELS, SKILLS, type Skill } from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { api } from '../../app/api';
import { cn } from '../../components/cn';
import { FormDialog } from '../../components/Dialog';

export function SkillsDialog({
  person,
  onClose,
  onSaved,
}: {
  person: CapacityPerson;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('capacity');
  const [levels, setLevels] = useState<Record<Skill, number>>(() => {
    const out = Object.fromEntries(SKILLS.map((s) => [s, 0])) as Record<Skill, number>;
    for (const s of person.skills) out[s.skill] = s.level;
    return out;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const count = SKILLS.filter((s) => levels[s] > 0).length;

  const save = async () => {
    setBusy(true);
    setError(null);
    const skills = SKILLS.filter((s) => levels[s] > 0).map((skill) => ({ skill, level: levels[skill]! }));
    const result = await api.call('skills/set', { personId: person.id, skills });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(t('skills.saved', { name: person.name, count: result.value.length }));
    onSaved();
  };

  return (
    <FormDialog
      formId="capacity-skills-form"
      testId="skills-dialog"
      title={t('skills.title', { name: person.name })}
      description={t('skills.description')}
      width="max-w-lg"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('skills.submit')}
      className="flex flex-col gap-3"
    >
      <div className="flex items-center justify-between text-[12px] text-muted">
        <span>{t('skills.chosen', { count })}</span>
        <span>{t('skills.scale')}</span>
      </div>
      <ul className="flex flex-col divide-y divide-line rounded-[10px] border border-line">
        {SKILLS.map((skill) => {
          const name = t(`skill.${skill}`);
          return (
            <li key={skill} className="flex items-center justify-between gap-3 px-3 py-1.5" data-testid="skill-row">
              <span
                id={`skill-${skill}`}
                className={cn('text-[13px]', levels[skill] > 0 ? 'font-medium text-fg' : 'text-muted')}
              >
                {name}
              </span>
              <RadioGroup.Root
                aria-labelledby={`skill-${skill}`}
                orientation="horizontal"
                value={String(levels[skill])}
                onValueChange={(v) => setLevels((l) => ({ ...l, [skill]: Number(v) }))}
                className="flex items-center rounded-lg border border-line bg-subtle p-0.5"
              >
                {[0, ...SKILL_LEVELS].map((level) => (
                  <RadioGroup.Item
                    key={level}
                    value={String(level)}
                    aria-label={level === 0 ? t('skills.none') : t('skills.level', { level })}
                    className={cn(
                      'grid h-6 min-w-7 place-items-center rounded-md px-1.5 text-[12px] font-medium text-muted tabular-nums transition-colors duration-150',
                      'hover:text-fg data-[state=checked]:shadow-sm',
                      level === 0
                        ? 'data-[state=checked]:bg-surface data-[state=checked]:text-fg'
                        : 'data-[state=checked]:bg-accent data-[state=checked]:text-accent-fg',
                    )}
                  >
                    {level === 0 ? '–' : level}
                  </RadioGroup.Item>
                ))}
              </RadioGroup.Root>
            </li>
          );
        })}
      </ul>
    </FormDialog>
  );
}
