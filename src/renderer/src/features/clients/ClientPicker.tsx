/**
 * Choose a client by typing part of its name: a combobox over `clients/lookup`,
 * which stays quick with tens of thousands of clients (a select listing every
 * client would load all their health figures and render every name). The
 * first entry stands for "no existing client" (e.g. a new one from a lead).
 */
import { Check, ChevronDown } from 'lucide-react';
import { Popover } from 'radix-ui';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientLookup, ClientOption } from '../../../../shared/money';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useApp } from '../../app/store';
import { cn } from '../../components/cn';
import { controlClass } from '../../components/Field';
import { HubDot } from '../../components/HubDot';

const LIMIT = 20;
/** Typing pauses this long before asking the core, so a fast typist sends one lookup. */
const DEBOUNCE_MS = 120;

export function ClientPicker({
  value,
  onChange,
  noneLabel,
  disabled,
  ...aria
}: {
  /** The chosen client; null = the "none" entry. */
  value: ClientOption | null;
  onChange: (client: ClientOption | null) => void;
  noneLabel: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const { t, i18n } = useTranslation('clients');
  const hubs = useApp((s) => s.hubs);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ClientLookup | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  /** Highlighted entry: 0 is "none", 1… the matches. */
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.call('clients/lookup', { search, limit: LIMIT }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setFound(result.value);
          setFailed(null);
        } else setFailed(errorText(result.error));
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, search]);

  const matches = found?.matches ?? [];
  const entries: (ClientOption | null)[] = [null, ...matches];
  const optionId = (i: number) => `${listId}-${i}`;

  const show = () => {
    if (open || disabled) return;
    setSearch('');
    setActive(value === null ? 0 : Math.max(0, matches.findIndex((c) => c.id === value.id) + 1));
    setOpen(true);
  };
  const choose = (client: ClientOption | null) => {
    onChange(client);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return show();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + entries.length) % entries.length);
    } else if (e.key === 'Enter' && open) {
      // Choosing must not submit the form around the picker.
      e.preventDefault();
      choose(entries[Math.min(active, entries.length - 1)] ?? null);
    } else if (e.key === 'Tab' && open) setOpen(false);
  };

  const more = (found?.total ?? 0) - matches.length;
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Anchor asChild>
        <div className="relative">
          <input
            ref={input}
            {...aria}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            className={cn(controlClass, 'pr-8')}
            placeholder={open ? t('picker.placeholder') : undefined}
            value={open ? search : (value?.name ?? noneLabel)}
            onChange={(e) => {
              if (!open) setOpen(true);
              setSearch(e.target.value);
              setActive(e.target.value.trim() === '' ? 0 : 1);
            }}
            onClick={show}
            onKeyDown={onKeyDown}
          />
          <ChevronDown className="pointer-events-none absolute top-2 right-2.5 size-4 text-faint" aria-hidden="true" />
        </div>
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          // Focus stays in the text field: typing narrows the list.
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          // A list popping up under a text field, not a dialog of its own.
          role="presentation"
          onInteractOutside={(e) => {
            if (e.target === input.current) e.preventDefault();
          }}
          className="shadow-float z-50 w-[max(var(--radix-popover-trigger-width),22rem)] max-w-[calc(100vw-2rem)] animate-slide-down rounded-[10px] border border-line bg-surface p-1"
        >
          <div id={listId} role="listbox" aria-label={t('picker.label')} className="max-h-64 overflow-y-auto">
            {entries.map((client, i) => {
              const selected = client === null ? value === null : value?.id === client.id;
              // Two clients may share a name: each shows its hub and tier (read out as the option's description).
              const hub = client?.hubId == null ? undefined : hubs.find((h) => h.id === client.hubId);
              const hintId = `${optionId(i)}-hint`;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's text field handles the keys (arrows, Enter).
                <div
                  key={client?.id ?? 'none'}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  aria-describedby={client ? hintId : undefined}
                  // Highlighted through aria-activedescendant; the focus stays in the text field.
                  tabIndex={-1}
                  // Keeps the focus in the text field.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose(client)}
                  className={cn(
                    'relative flex h-8 cursor-default select-none items-center rounded-md pr-8 pl-2 text-[13px] text-fg',
                    i === active && 'bg-hover',
                    selected && 'font-medium',
                    client === null && 'text-muted',
                  )}
                >
                  <span className="min-w-0 truncate" data-testid="client-option-name">
                    {client?.name ?? noneLabel}
                  </span>
                  {client ? (
                    <>
                      <span
                        aria-hidden="true"
                        className="ml-auto flex shrink-0 items-center gap-1.5 pl-3 text-[12px] text-muted tabular-nums"
                      >
                        {hub ? <HubDot color={hub.color} className="size-2" /> : null}
                        {hub ? `${hub.name} · ` : ''}
                        {t('tier.short', { tier: client.tier })}
                      </span>
                      <span id={hintId} hidden>
                        {hub ? `${hub.name} · ` : ''}
                        {t(`tier.long.${client.tier}`)}
                      </span>
                    </>
                  ) : null}
                  {selected ? <Check className="absolute right-2 size-4 text-accent-text" aria-hidden="true" /> : null}
                </div>
              );
            })}
          </div>
          {failed ? (
            <p role="alert" className="px-2 py-1.5 text-[12px] text-danger-text">
              {failed}
            </p>
          ) : found && search.trim() !== '' && found.total === 0 ? (
            <p role="status" className="px-2 py-1.5 text-[12px] text-muted">
              {t('picker.none', { search: search.trim() })}
            </p>
          ) : more > 0 ? (
            <p role="status" className="px-2 py-1.5 text-[12px] text-muted">
              {t('picker.more', { count: more, n: formatNumber(more, i18n.language, 0) })}
            </p>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
