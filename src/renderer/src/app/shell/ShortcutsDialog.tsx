import { Fragment, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Dialog';
import { isMac, Kbd, modKey } from '../../components/Kbd';
import { setShortcutsOpen } from '../actions';
import { useApp } from '../store';

/** Where a key types text or picks from a list: "?" is that field's own there. */
const TYPING =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="combobox"], [role="textbox"], [role="searchbox"], [role="listbox"], [role="menu"]';

export function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

/** A dialog, sheet or menu is open: the shortcuts wait until it is closed. */
export function modalOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

const inDialog = (el: Element) => el.closest('[role="dialog"], [role="alertdialog"]') !== null;

/** "?" (Shift+/ on most layouts) on its own, or Ctrl+/ (⌘/ on macOS). */
export function isShortcutsKey(e: KeyboardEvent): boolean {
  if (e.altKey) return false;
  if (e.key === '?') return !e.ctrlKey && !e.metaKey;
  return e.key === '/' && (e.ctrlKey || e.metaKey);
}

const alt = isMac ? '⌥' : 'Alt';

/** Each row: a locale key under shortcuts.rows and its keys, one array per way to press it (keys of one chord together). */
const GROUPS = [
  {
    id: 'general',
    rows: [
      { id: 'palette', keys: [[modKey, 'K']] },
      { id: 'shortcuts', keys: [['?'], [modKey, '/']] },
      { id: 'toasts', keys: [[alt, 'T']] },
      { id: 'close', keys: [['Esc']] },
    ],
  },
  {
    id: 'navigation',
    rows: [
      { id: 'sidebar', keys: [[modKey, 'B']] },
      { id: 'settings', keys: [[modKey, ',']] },
      { id: 'searchLeads', keys: [['/']] },
    ],
  },
  {
    id: 'lists',
    rows: [
      { id: 'rows', keys: [['↑', '↓']] },
      { id: 'firstLast', keys: [['Home'], ['End']] },
      { id: 'open', keys: [['↵']] },
      { id: 'rowMenu', keys: [['Shift', 'F10']] },
      { id: 'cards', keys: [['←', '↑', '↓', '→']] },
      { id: 'move', keys: [['M']] },
      { id: 'undo', keys: [[modKey, 'Z']] },
    ],
  },
] as const;

/** "Keyboard shortcuts": every key the app answers to, by where it works. Opens with ?, Ctrl+/ or the palette. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useApp((s) => s.shortcutsOpen);
  // It has no trigger of its own, so where focus goes back to is kept: what had it when a key opened the dialog, or
  // what had it before the palette it was opened from.
  const lastOutside = useRef<HTMLElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && !inDialog(e.target)) lastOutside.current = e.target;
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  // Before the dialog takes focus (its focus scope moves it in an effect).
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && !inDialog(active) ? active : lastOutside.current;
  }, [open]);
  return (
    <Modal
      open={open}
      onOpenChange={setShortcutsOpen}
      returnFocus={() => opener.current}
      title={t('shortcuts.title')}
      width="max-w-[560px]"
      testId="shortcuts-dialog"
    >
      <div className="flex flex-col gap-5">
        {GROUPS.map((group) => (
          <section key={group.id} aria-labelledby={`shortcuts-${group.id}`}>
            <h3
              id={`shortcuts-${group.id}`}
              className="mb-1 text-[11px] font-semibold tracking-[0.04em] text-faint uppercase"
            >
              {t(`shortcuts.groups.${group.id}`)}
            </h3>
            <dl className="divide-y divide-line">
              {group.rows.map((row) => (
                <div key={row.id} className="flex min-h-9 items-center justify-between gap-4 py-1.5">
                  <dt className="text-[13px] text-fg">{t(`shortcuts.rows.${row.id}`)}</dt>
                  <dd className="flex shrink-0 items-center gap-1.5">
                    {row.keys.map((chord, i) => (
                      <Fragment key={chord.join('+')}>
                        {i > 0 ? <span className="text-[12px] text-faint">{t('shortcuts.or')}</span> : null}
                        <span className="flex items-center gap-1">
                          {chord.map((key) => (
                            // Named keys as the person's keyboard labels them ("Inicio", "Mayús" in Spanish).
                            <Kbd key={key}>
                              {key === 'Home' || key === 'End' || key === 'Shift' ? t(`shortcuts.keys.${key}`) : key}
                            </Kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
