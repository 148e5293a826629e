// The desktop app's own words (menu, import and export dialogs), in English and Hindi.
// Error messages come from archive/messages.ts.
import type { Language } from '../archive/messages.ts';

const en = {
  'menu.file': 'File',
  'menu.addClipping': 'Add clipping',
  'menu.import': 'Import…',
  'menu.export': 'Export…',
  'menu.quit': 'Quit',
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select all',
  'menu.view': 'View',
  'menu.reload': 'Reload',
  'menu.devTools': 'Toggle developer tools',
  'import.title': 'Import clippings',
  'import.filter': 'Clippings (.txt, .md, .json, .ndjson)',
  'import.summary': 'Added: {{added}}. Skipped (already in the archive): {{skipped}}. Problems: {{errors}}.',
  'import.more': '… and {{count}} more.',
  'import.failed': 'Nothing was imported.',
  'export.title': 'Export the archive',
  'export.filter': 'JSON',
  'export.done': '{{count}} clippings were written to {{path}}.',
  'export.failed': 'The archive was not exported.',
  'startup.failed': 'Press Archive cannot open the archive',
  'menu.help': 'Help',
  'menu.copyDiagnostics': 'Copy diagnostics',
  'diagnostics.title': 'Diagnostics',
  'diagnostics.copied':
    'The diagnostics are on the clipboard: paste them into your bug report. They hold versions, counts and log lines, no clipping text.',
};

export type MenuTextKey = keyof typeof en;

const hi: Record<MenuTextKey, string> = {
  'menu.file': 'फ़ाइल',
  'menu.addClipping': 'कतरन जोड़ें',
  'menu.import': 'आयात करें…',
  'menu.export': 'निर्यात करें…',
  'menu.quit': 'बंद करें',
  'menu.edit': 'संपादन',
  'menu.undo': 'पूर्ववत करें',
  'menu.redo': 'फिर से करें',
  'menu.cut': 'काटें',
  'menu.copy': 'कॉपी करें',
  'menu.paste': 'चिपकाएँ',
  'menu.selectAll': 'सबका चयन करें',
  'menu.view': 'दृश्य',
  'menu.reload': 'फिर से लोड करें',
  'menu.devTools': 'डेवलपर टूल',
  'import.title': 'कतरनें आयात करें',
  'import.filter': 'कतरनें (.txt, .md, .json, .ndjson)',
  'import.summary': 'जोड़ी गईं: {{added}}। छोड़ी गईं (संग्रह में पहले से): {{skipped}}। समस्याएँ: {{errors}}।',
  'import.more': '… और {{count}}।',
  'import.failed': 'कुछ भी आयात नहीं हुआ।',
  'export.title': 'संग्रह निर्यात करें',
  'export.filter': 'JSON',
  'export.done': '{{count}} कतरनें {{path}} में लिखी गईं।',
  'export.failed': 'संग्रह निर्यात नहीं हुआ।',
  'startup.failed': 'Press Archive संग्रह नहीं खोल सका',
  'menu.help': 'सहायता',
  'menu.copyDiagnostics': 'निदान जानकारी कॉपी करें',
  'diagnostics.title': 'निदान जानकारी',
  'diagnostics.copied':
    'निदान जानकारी क्लिपबोर्ड पर है: इसे अपनी बग रिपोर्ट में चिपकाएँ। इसमें संस्करण, गिनतियाँ और लॉग की पंक्तियाँ हैं, कतरनों का कोई पाठ नहीं।',
};

const catalogs: Record<Language, Record<MenuTextKey, string>> = { en, hi };

export function menuText(lang: Language, key: MenuTextKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
