/**
 * The native application menu as plain data (type-only Electron import), so
 * its shape and accelerators are unit-tested. `CmdOrCtrl` is Cmd on macOS
 * and Ctrl elsewhere.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLanguage = 'en' | 'es';

export interface MenuActions {
  openWorkspace(): void;
  backupNow(): void;
  toggleDark(): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  /** Development build: adds Reload and the developer tools. */
  dev: boolean;
  language: MenuLanguage;
  actions: MenuActions;
}

const LABELS = {
  en: {
    file: '&File',
    openWorkspace: 'Open Workspace…',
    backupNow: 'Back Up Now',
    close: 'Close Window',
    quit: 'Quit Atalaya',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Toggle Developer Tools',
    toggleDark: 'Toggle Dark Mode',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: '&Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    help: '&Help',
    dataFolder: 'Open Data Folder',
    about: 'About Atalaya',
    hide: 'Hide Atalaya',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
  es: {
    file: '&Archivo',
    openWorkspace: 'Abrir espacio de trabajo…',
    backupNow: 'Hacer copia de seguridad',
    close: 'Cerrar ventana',
    quit: 'Salir de Atalaya',
    edit: '&Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: '&Ver',
    reload: 'Recargar',
    forceReload: 'Forzar recarga',
    devTools: 'Herramientas de desarrollo',
    toggleDark: 'Alternar modo oscuro',
    resetZoom: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullScreen: 'Pantalla completa',
    window: 'Ve&ntana',
    minimize: 'Minimizar',
    zoom: 'Zoom',
    front: 'Traer todo al frente',
    help: 'Ay&uda',
    dataFolder: 'Abrir carpeta de datos',
    about: 'Acerca de Atalaya',
    hide: 'Ocultar Atalaya',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
  },
} as const;

export const ACCELERATORS = {
  openWorkspace: 'CmdOrCtrl+O',
  backupNow: 'CmdOrCtrl+Shift+B',
  toggleDark: 'CmdOrCtrl+Shift+L',
  quit: 'CmdOrCtrl+Q',
  close: 'CmdOrCtrl+W',
  reload: 'CmdOrCtrl+R',
  forceReload: 'CmdOrCtrl+Shift+R',
  devTools: 'Alt+CmdOrCtrl+I',
  resetZoom: 'CmdOrCtrl+0',
  zoomIn: 'CmdOrCtrl+Plus',
  zoomOut: 'CmdOrCtrl+-',
} as const;

export function buildMenuTemplate({ platform, dev, language, actions }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // Mnemonics (&File → Alt+F) exist on Windows and Linux only.
  const t = Object.fromEntries(
    Object.entries(LABELS[language]).map(([k, v]) => [k, mac ? v.replace('&', '') : v]),
  ) as Record<keyof (typeof LABELS)['en'], string>;
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Atalaya',
    submenu: [
      { label: t.about, click: () => actions.showAbout() },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      sep,
      { role: 'quit', label: t.quit, accelerator: ACCELERATORS.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.openWorkspace, accelerator: ACCELERATORS.openWorkspace, click: () => actions.openWorkspace() },
      { label: t.backupNow, accelerator: ACCELERATORS.backupNow, click: () => actions.backupNow() },
      sep,
      mac
        ? { role: 'close', label: t.close, accelerator: ACCELERATORS.close }
        : { role: 'quit', label: t.quit, accelerator: ACCELERATORS.quit },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      sep,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      ...(dev
        ? ([
            { role: 'reload', label: t.reload, accelerator: ACCELERATORS.reload },
            { role: 'forceReload', label: t.forceReload, accelerator: ACCELERATORS.forceReload },
            { role: 'toggleDevTools', label: t.devTools, accelerator: ACCELERATORS.devTools },
            sep,
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { label: t.toggleDark, accelerator: ACCELERATORS.toggleDark, click: () => actions.toggleDark() },
      sep,
      { role: 'resetZoom', label: t.resetZoom, accelerator: ACCELERATORS.resetZoom },
      { role: 'zoomIn', label: t.zoomIn, accelerator: ACCELERATORS.zoomIn },
      { role: 'zoomOut', label: t.zoomOut, accelerator: ACCELERATORS.zoomOut },
      sep,
      { role: 'togglefullscreen', label: t.fullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    ...(mac ? { role: 'window' as const } : {}),
    submenu: mac
      ? [
          { role: 'minimize', label: t.minimize },
          { role: 'zoom', label: t.zoom },
          sep,
          { role: 'front', label: t.front },
        ]
      : [
          { role: 'minimize', label: t.minimize },
          { role: 'close', label: t.close, accelerator: ACCELERATORS.close },
        ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      { label: t.dataFolder, click: () => actions.openDataFolder() },
      ...(mac ? [] : [sep, { label: t.about, click: () => actions.showAbout() }]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
