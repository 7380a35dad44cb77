/** Light/dark theme: a class on <html>, following the system when asked to. */
import { useEffect } from 'react';
import type { Prefs } from '../../../shared/contract';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Prefs['theme']): 'light' | 'dark' {
  if (theme === 'system') return media().matches ? 'dark' : 'light';
  return theme;
}

function apply(theme: Prefs['theme']): void {
  const dark = resolveTheme(theme) === 'dark';
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

/** Applies the theme and, for 'system', follows the OS as it changes. */
export function useThemeEffect(theme: Prefs['theme']): void {
  useEffect(() => {
    apply(theme);
    if (theme !== 'system') return;
    const mq = media();
    const onChange = () => apply('system');
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [theme]);
}
