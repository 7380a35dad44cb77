/** Light/dark theme: a class on <html>, following the system when asked to. */
import { useEffect } from 'react';
import type { Prefs } from '../../../shared/contract';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Prefs['theme']): 'light' | 'dark' {
  if (theme === 'system') return media().matches ? 'dark' : 'light';
  return theme;
}

/**
 * Switches in one frame: with transitions left on, every control with
 * `transition-colors` would fade its text while the panels behind it had
 * already turned, and for a moment the UI reads light-on-dark at 2:1.
 */
function apply(theme: Prefs['theme']): void {
  const dark = resolveTheme(theme) === 'dark';
  const root = document.documentElement;
  if (root.classList.contains('dark') === dark && root.style.colorScheme) return;
  const still = document.createElement('style');
  still.textContent = '*,*::before,*::after{transition:none!important}';
  document.head.appendChild(still);
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  // Styles are computed here, without transitions; they come back a task later.
  void window.getComputedStyle(document.body).color;
  setTimeout(() => still.remove(), 1);
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
