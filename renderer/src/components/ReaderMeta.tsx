// The clipping's details under its title: publication, date, author…, tags, added/updated.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import { DETAIL_FIELDS } from '../../../archive/clipping-fields.ts';
import type { Language } from '../../../archive/messages.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { ClippingLink } from './ClippingLink.tsx';
import { formatTime } from './format-time.ts';

function formatTimestamp(iso: string, language: Language): string {
  return formatTime(iso, language, 'long');
}

export function ReaderMeta({ clipping }: { clipping: Clipping }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: { key: string; label: string; value: ReactNode; className?: string; lang?: string | undefined }[] = [];
  for (const field of DETAIL_FIELDS) {
    const value = clipping[field];
    if (!value) continue;
    if (field === 'url') {
      rows.push({
        key: field,
        label: t('field.url'),
        value: <ClippingLink id={clipping.id} url={value} />,
        className: 'meta-url',
      });
    } else {
      // The clipping's own words (publication, author, place…) are in its language, not the UI's.
      rows.push({
        key: field,
        label: t(`field.${field}`),
        value,
        lang: field === 'date' ? undefined : clipping.language,
      });
    }
  }
  if (clipping.tags.length > 0) {
    rows.push({
      key: 'tags',
      label: t('field.tags'),
      value: (
        <ul className="tags" lang={clipping.language}>
          {clipping.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ),
    });
  }
  rows.push({ key: 'addedAt', label: t('reader.added'), value: formatTimestamp(clipping.addedAt, language) });
  if (clipping.updatedAt !== clipping.addedAt) {
    rows.push({ key: 'updatedAt', label: t('reader.updated'), value: formatTimestamp(clipping.updatedAt, language) });
  }
  return (
    <dl className="reader-meta">
      {rows.map((row) => (
        <div key={row.key} className="meta-row" data-field={row.key}>
          <dt>{row.label}</dt>
          <dd className={row.className} lang={row.lang}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
