// The bundled Noto Devanagari faces as @font-face rules with data: URLs, so a print page needs no
// file and no network. Vite inlines the woff2 files at build time (`?inline`): the packaged app and
// the CLI carry them, whatever is installed on the machine. Each face comes in the fontsource
// subsets (Devanagari, Latin, Latin Extended) with their unicode-ranges.
import sansDeva400 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2?inline';
import sansDeva700 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff2?inline';
import sansLatin400 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-400-normal.woff2?inline';
import sansLatin700 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-700-normal.woff2?inline';
import sansLatinExt400 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-ext-400-normal.woff2?inline';
import sansLatinExt700 from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-latin-ext-700-normal.woff2?inline';
import serifDeva400 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-devanagari-400-normal.woff2?inline';
import serifDeva700 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-devanagari-700-normal.woff2?inline';
import serifLatin400 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-latin-400-normal.woff2?inline';
import serifLatin700 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-latin-700-normal.woff2?inline';
import serifLatinExt400 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-latin-ext-400-normal.woff2?inline';
import serifLatinExt700 from '@fontsource/noto-serif-devanagari/files/noto-serif-devanagari-latin-ext-700-normal.woff2?inline';
import type { Typeface } from './options.ts';

// The unicode-ranges of fontsource's subsets (from the packages' CSS).
const DEVANAGARI =
  'U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20A8,U+20B9,U+20F0,U+25CC,U+A830-A839,U+A8E0-A8FF,U+11B00-11B09';
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/** Our own family names, so a print can never silently fall back to a system font of the same name. */
export const FONT_FAMILY: Readonly<Record<Typeface, string>> = {
  sans: 'Press Archive Noto Sans Devanagari',
  serif: 'Press Archive Noto Serif Devanagari',
};

type Faces = Record<400 | 700, { range: string; url: string }[]>;

/** One weight of a typeface: a file per script range (Devanagari, Latin, Latin Extended). */
function weight(devanagari: string, latin: string, latinExt: string): Faces[400] {
  return [
    { range: DEVANAGARI, url: devanagari },
    { range: LATIN, url: latin },
    { range: LATIN_EXT, url: latinExt },
  ];
}

const FACES: Readonly<Record<Typeface, Faces>> = {
  sans: {
    400: weight(sansDeva400, sansLatin400, sansLatinExt400),
    700: weight(sansDeva700, sansLatin700, sansLatinExt700),
  },
  serif: {
    400: weight(serifDeva400, serifLatin400, serifLatinExt400),
    700: weight(serifDeva700, serifLatin700, serifLatinExt700),
  },
};

/** The @font-face rules of one typeface (regular and bold). */
export function fontFaceCss(typeface: Typeface): string {
  const rules: string[] = [];
  for (const weight of [400, 700] as const) {
    for (const face of FACES[typeface][weight]) {
      rules.push(
        `@font-face{font-family:'${FONT_FAMILY[typeface]}';font-style:normal;font-weight:${weight};` +
          `font-display:block;src:url(${face.url}) format('woff2');unicode-range:${face.range};}`,
      );
    }
  }
  return rules.join('\n');
}
