// Messages shared by the CLI and the UI, in English and Hindi. Keys are i18next-style;
// {{name}} is replaced by a parameter.
import type { ClippingField } from './clipping-fields.ts';
import type { ErrorInfo } from './errors.ts';

export type Language = 'en' | 'hi';
export const LANGUAGES: readonly Language[] = ['hi', 'en'];

const en = {
  'field.title': 'Title',
  'field.body': 'Text',
  'field.publication': 'Publication',
  'field.date': 'Date',
  'field.author': 'Author',
  'field.section': 'Section',
  'field.edition': 'Edition',
  'field.place': 'Place',
  'field.page': 'Page',
  'field.url': 'Web address',
  'field.language': 'Language',
  'field.tags': 'Tags',
  'field.notes': 'Notes',
  'field.id': 'Id',
  'field.input': 'Input',
  'fieldError.required': '{{field}} is required.',
  'fieldError.tooLong': '{{field}} is too long.',
  'fieldError.tooMany': '{{field}}: too many entries.',
  'fieldError.badDate': '{{field}} must be YYYY, YYYY-MM or YYYY-MM-DD, and a real date.',
  'fieldError.badUrl': '{{field}} must be an http:// or https:// address.',
  'fieldError.badLanguage': '{{field}} must be a language code such as hi or en.',
  'fieldError.badId': '{{field}} is not a clipping id.',
  'fieldError.control': '{{field}} contains control or text-direction characters.',
  'fieldError.encoding': '{{field}} contains broken characters (unpaired surrogates).',
  'fieldError.type': '{{field}} is not in the right form (text is expected here).',
  'fieldError.unknownField': '{{field}} is not a clipping field.',
  'fieldError.invalid': '{{field}} is not valid.',
  'error.validation': 'The clipping was not saved: {{detail}}',
  'error.notFound': 'No clipping has the id {{id}}.',
  'error.damaged': 'The archive is damaged: {{file}}: {{detail}}. Nothing was changed; restore a backup to repair it.',
  'error.newerFormat':
    'The archive in {{dir}} was written by a newer version of Press Archive (format {{version}}). Please update the app.',
  'error.io': 'Could not read or write {{path}}: {{detail}}',
  'error.locked': 'The archive is busy in another window or command. Please try again.',
  'error.unsupportedFile':
    '{{file}}: files of this kind cannot be imported (use .txt, .md, .html, .json or .ndjson, or a scan: .jpg, .png, .webp, .tif, .pdf).',
  'error.noTextInScan': '{{file}}: no text was found in this scan, so no clipping was made of it.',
  'error.notAnImage':
    '{{file}} is not a JPEG, PNG, WebP or TIFF image or a PDF (its contents say otherwise). It was not imported.',
  'error.unreadableFile': '{{file}} cannot be read: {{detail}}',
  'error.notAFile': '{{file}} is not a file (a folder, a device or a pipe) and was not imported.',
  'error.fileTooLarge':
    '{{file}} is too large to import in one piece ({{size}} MB; at most {{max}} MB a file). Split it into smaller files and import them together. It was not imported.',
  'error.badRecord': 'Not a valid JSON record: {{detail}}',
  'error.badRequest': 'Invalid request: {{detail}}',
  'error.noSuchBackup': 'There is no backup named {{name}}.',
  'error.badBackupRecord': '{{file}}: clipping {{record}} ({{id}}) cannot be restored: {{detail}} Nothing was changed.',
  'error.changedElsewhere':
    'The archive was changed by another program while this change waited; nothing of yours was written. Please try again.',
  'error.noSpace':
    'The disk is full: {{path}} could not be written. Nothing was changed; free some space and try again.',
  'error.bodyTooLarge': 'The request is too large (at most {{max}} MB).',
  'error.tooDeep': '{{file}} is nested too deeply (more than {{max}} levels) to be read.',
  'error.linkRefused': 'This link was not opened: it is not the web address saved with the clipping.',
  'error.nothingToExport': 'There is nothing to export: no clipping matches. No PDF was written.',
  'error.tooManyToExport':
    'At most {{max}} clippings fit in one PDF, and {{count}} were chosen. Narrow the search or export in parts.',
  'error.printerMissing':
    'Chromium is needed to make PDFs and was not found at {{path}}. Install Chromium, or set {{variable}} to the path of a Chromium or Chrome program.',
  'error.printFailed': 'The PDF could not be printed: {{detail}}. No PDF was written.',
  'error.notUtf8': '“{{file}}” is not UTF-8 text. Nothing was imported.',
  'error.cancelled': 'Cancelled. Nothing was changed.',
  'error.internal': 'Something went wrong: {{detail}}',
  'import.lineError': 'line {{line}}',
  'import.recordError': 'record {{record}}',
  'import.duplicate': 'already in the archive',
  'progress.import.bytes': 'Importing: reading files, {{done}} / {{total}} MB',
  'progress.import.read': 'Importing: {{done}} / {{total}} records read',
  'progress.import.added': 'Importing: {{done}} / {{total}} clippings',
  'progress.import.recognized': 'Reading scans (OCR): {{done}} / {{total}} pages',
  'progress.index.indexed': 'Indexing {{done}} of {{total}} clippings',
  'progress.exportPdf.printed': 'Making the PDF: {{done}} / {{total}} clippings',
  'progress.exportData.written': 'Exporting: {{done}} / {{total}} clippings',
  'progress.backup.written': 'Backing up: {{done}} / {{total}} clippings',
  'progress.restore.read': 'Restoring: {{done}} / {{total}} clippings checked',
  'progress.restore.written': 'Restoring: writing {{total}} clippings',
  'progress.verify.checked': 'Checking the archive: {{done}} / {{total}} files',
  'repair.nothing': 'Nothing to repair: the archive passes the check ({{clippings}} clippings).',
  'repair.done': 'Repaired: the archive passes the check again ({{clippings}} clippings).',
  'repair.partly': 'Not everything could be repaired; what is left ({{count}}) is listed below.',
  'repair.restored': 'Restored “{{title}}” ({{id}}) in {{file}} from the backup {{snapshot}}.',
  'repair.restoredEarlier':
    'Restored an earlier version of “{{title}}” ({{id}}) in {{file}} from the backup {{snapshot}}; changes made to it after that backup are lost.',
  'repair.rebuilt': 'Wrote {{file}} again from its shard, which is intact.',
  'repair.setAside': 'The archive as it was before the repair, damaged files included, is kept as the backup {{name}}.',
  'repair.notInBackups':
    'Could not repair {{clipping}} in {{file}}: it is in no backup. Nothing was made up in its place.',
  'repair.keptUnchecked':
    'Kept {{clipping}} in {{file}} as found: nothing can check it (the file and its summary are both damaged, and no backup holds it). Please look at it.',
  'repair.unidentified':
    'Could not repair {{file}}: {{count}} clippings it held cannot be named any more and are in no backup.',
  'repair.manifest': 'Could not repair {{file}}: {{detail}}. Restore a whole backup instead.',
  'repair.other': 'Still wrong: {{file}}: {{detail}}',
  'repair.clipping': '“{{title}}” ({{id}})',
  'detail.jsonIncomplete': 'the text ends before the record does (is the file cut short?)',
  'detail.jsonSyntax': 'it is not written as JSON (a comma, quotation mark or bracket is wrong or missing)',
  'detail.notUtf8': 'it is not UTF-8 text',
};

// Every declared field has a label (the form, the reader, the PDF and field errors show it).
en satisfies Record<`field.${ClippingField}`, string>;
type MessageKey = keyof typeof en;

const hi: Record<MessageKey, string> = {
  'field.title': 'शीर्षक',
  'field.body': 'पाठ',
  'field.publication': 'प्रकाशन',
  'field.date': 'तारीख़',
  'field.author': 'लेखक',
  'field.section': 'खंड',
  'field.edition': 'संस्करण',
  'field.place': 'स्थान',
  'field.page': 'पृष्ठ',
  'field.url': 'वेब पता',
  'field.language': 'भाषा',
  'field.tags': 'टैग',
  'field.notes': 'टिप्पणियाँ',
  'field.id': 'आईडी',
  'field.input': 'इनपुट',
  'fieldError.required': '{{field}} भरना ज़रूरी है।',
  'fieldError.tooLong': '{{field}} बहुत लंबा है।',
  'fieldError.tooMany': '{{field}}: बहुत अधिक प्रविष्टियाँ हैं।',
  'fieldError.badDate': '{{field}} YYYY, YYYY-MM या YYYY-MM-DD रूप में और सही तारीख़ होनी चाहिए।',
  'fieldError.badUrl': '{{field}} http:// या https:// से शुरू होना चाहिए।',
  'fieldError.badLanguage': '{{field}} hi या en जैसा भाषा-कोड होना चाहिए।',
  'fieldError.badId': '{{field}} किसी कतरन की आईडी नहीं है।',
  'fieldError.control': '{{field}} में नियंत्रण-अक्षर या लेखन-दिशा बदलने वाले अक्षर हैं।',
  'fieldError.encoding': '{{field}} में टूटे हुए अक्षर हैं।',
  'fieldError.type': '{{field}} सही रूप में नहीं है (यहाँ पाठ होना चाहिए)।',
  'fieldError.unknownField': '{{field}} कतरन का कोई फ़ील्ड नहीं है।',
  'fieldError.invalid': '{{field}} मान्य नहीं है।',
  'error.validation': 'कतरन सहेजी नहीं गई: {{detail}}',
  'error.notFound': '{{id}} आईडी की कोई कतरन नहीं है।',
  'error.damaged': 'संग्रह क्षतिग्रस्त है: {{file}}: {{detail}}। कुछ नहीं बदला गया; ठीक करने के लिए कोई बैकअप वापस लाएँ।',
  'error.newerFormat': '{{dir}} का संग्रह Press Archive के नए संस्करण (प्रारूप {{version}}) से लिखा गया है। कृपया ऐप अपडेट करें।',
  'error.io': '{{path}} पढ़ा या लिखा नहीं जा सका: {{detail}}',
  'error.locked': 'संग्रह किसी दूसरी विंडो या कमांड में व्यस्त है। कृपया फिर से कोशिश करें।',
  'error.unsupportedFile':
    '{{file}}: इस प्रकार की फ़ाइल आयात नहीं हो सकती (.txt, .md, .html, .json या .ndjson लें, या कोई स्कैन: .jpg, .png, .webp, .tif, .pdf)।',
  'error.noTextInScan': '{{file}}: इस स्कैन में कोई पाठ नहीं मिला, इसलिए इससे कतरन नहीं बनी।',
  'error.notAnImage': '{{file}} JPEG, PNG, WebP या TIFF चित्र या PDF नहीं है (इसकी सामग्री कुछ और बताती है)। यह आयात नहीं हुई।',
  'error.unreadableFile': '{{file}} पढ़ी नहीं जा सकी: {{detail}}',
  'error.notAFile': '{{file}} कोई फ़ाइल नहीं है (फ़ोल्डर, डिवाइस या पाइप है), इसलिए आयात नहीं हुई।',
  'error.fileTooLarge':
    '{{file}} एक बार में आयात करने के लिए बहुत बड़ी है ({{size}} MB; एक फ़ाइल अधिकतम {{max}} MB)। इसे छोटी फ़ाइलों में बाँटकर उन्हें एक साथ आयात करें। यह आयात नहीं हुई।',
  'error.badRecord': 'यह मान्य JSON प्रविष्टि नहीं है: {{detail}}',
  'error.badRequest': 'अमान्य अनुरोध: {{detail}}',
  'error.noSuchBackup': '{{name}} नाम का कोई बैकअप नहीं है।',
  'error.badBackupRecord': '{{file}}: कतरन {{record}} ({{id}}) वापस नहीं लाई जा सकती: {{detail}} कुछ नहीं बदला गया।',
  'error.changedElsewhere':
    'इस बदलाव के इंतज़ार के दौरान किसी दूसरे प्रोग्राम ने संग्रह बदल दिया; आपका कुछ भी नहीं लिखा गया। कृपया फिर से कोशिश करें।',
  'error.noSpace': 'डिस्क भर गई है: {{path}} लिखा नहीं जा सका। कुछ नहीं बदला गया; कुछ जगह ख़ाली करके फिर से कोशिश करें।',
  'error.bodyTooLarge': 'अनुरोध बहुत बड़ा है (अधिकतम {{max}} MB)।',
  'error.tooDeep': '{{file}} की बनावट बहुत गहरी है ({{max}} से अधिक स्तर), इसलिए पढ़ी नहीं जा सकती।',
  'error.linkRefused': 'यह लिंक नहीं खोला गया: यह कतरन के साथ सहेजा गया वेब पता नहीं है।',
  'error.nothingToExport': 'निर्यात के लिए कुछ नहीं है: कोई कतरन मेल नहीं खाती। कोई PDF नहीं बनी।',
  'error.tooManyToExport':
    'एक PDF में अधिकतम {{max}} कतरनें आ सकती हैं, पर {{count}} चुनी गईं। खोज सीमित करें या हिस्सों में निर्यात करें।',
  'error.printerMissing':
    'PDF बनाने के लिए Chromium चाहिए, पर वह {{path}} पर नहीं मिला। Chromium इंस्टॉल करें, या {{variable}} में किसी Chromium या Chrome प्रोग्राम का पथ दें।',
  'error.printFailed': 'PDF प्रिंट नहीं हो सकी: {{detail}}। कोई PDF नहीं बनी।',
  'error.notUtf8': '“{{file}}” UTF-8 पाठ नहीं है। कुछ भी आयात नहीं हुआ।',
  'error.cancelled': 'रद्द कर दिया गया। कुछ नहीं बदला।',
  'error.internal': 'कुछ गड़बड़ हो गई: {{detail}}',
  'import.lineError': 'पंक्ति {{line}}',
  'import.recordError': 'प्रविष्टि {{record}}',
  'import.duplicate': 'संग्रह में पहले से है',
  'progress.import.bytes': 'आयात: फ़ाइलें पढ़ी जा रही हैं, {{done}} / {{total}} MB',
  'progress.import.read': 'आयात: {{done}} / {{total}} प्रविष्टियाँ पढ़ी गईं',
  'progress.import.added': 'आयात: {{done}} / {{total}} कतरनें',
  'progress.import.recognized': 'स्कैन पढ़े जा रहे हैं (OCR): {{done}} / {{total}} पन्ने',
  'progress.index.indexed': 'खोज-सूची बन रही है: {{total}} में से {{done}} कतरनें',
  'progress.exportPdf.printed': 'PDF बन रही है: {{done}} / {{total}} कतरनें',
  'progress.exportData.written': 'निर्यात: {{done}} / {{total}} कतरनें',
  'progress.backup.written': 'बैकअप: {{done}} / {{total}} कतरनें',
  'progress.restore.read': 'बहाली: {{done}} / {{total}} कतरनें जाँची गईं',
  'progress.restore.written': 'बहाली: {{total}} कतरनें लिखी जा रही हैं',
  'progress.verify.checked': 'संग्रह की जाँच: {{done}} / {{total}} फ़ाइलें',
  'repair.nothing': 'मरम्मत की ज़रूरत नहीं: संग्रह जाँच में सही है ({{clippings}} कतरनें)।',
  'repair.done': 'मरम्मत हो गई: संग्रह फिर से जाँच में सही है ({{clippings}} कतरनें)।',
  'repair.partly': 'सब कुछ ठीक नहीं हो सका; जो बाक़ी है ({{count}}) वह नीचे दिया गया है।',
  'repair.restored': '{{file}} में “{{title}}” ({{id}}) बैकअप {{snapshot}} से वापस लाई गई।',
  'repair.restoredEarlier':
    '{{file}} में “{{title}}” ({{id}}) का पुराना रूप बैकअप {{snapshot}} से वापस लाया गया; उस बैकअप के बाद किए गए बदलाव खो गए।',
  'repair.rebuilt': '{{file}} उसकी सही-सलामत शार्ड फ़ाइल से फिर से लिखी गई।',
  'repair.setAside': 'मरम्मत से पहले का संग्रह, क्षतिग्रस्त फ़ाइलों सहित, बैकअप {{name}} के रूप में रखा गया है।',
  'repair.notInBackups': '{{file}} में {{clipping}} ठीक नहीं हो सकी: यह किसी बैकअप में नहीं है। उसकी जगह कुछ भी गढ़ा नहीं गया।',
  'repair.keptUnchecked':
    '{{file}} में {{clipping}} जैसी मिली वैसी रखी गई: उसे जाँचने का कोई साधन नहीं (फ़ाइल और उसका सारांश दोनों क्षतिग्रस्त हैं, और किसी बैकअप में यह नहीं है)। कृपया इसे देख लें।',
  'repair.unidentified': '{{file}} ठीक नहीं हो सकी: इसकी {{count}} कतरनों का अब नाम तक नहीं पता और वे किसी बैकअप में नहीं हैं।',
  'repair.manifest': '{{file}} ठीक नहीं हो सकी: {{detail}}। इसके बजाय पूरा बैकअप वापस लाएँ।',
  'repair.other': 'अब भी ग़लत: {{file}}: {{detail}}',
  'repair.clipping': '“{{title}}” ({{id}})',
  'detail.jsonIncomplete': 'प्रविष्टि पूरी होने से पहले ही पाठ ख़त्म हो जाता है (क्या फ़ाइल अधूरी है?)',
  'detail.jsonSyntax': 'यह JSON के रूप में नहीं लिखी है (कोई अल्पविराम, उद्धरण-चिह्न या कोष्ठक ग़लत है या छूटा है)',
  'detail.notUtf8': 'यह UTF-8 पाठ नहीं है',
};

export const catalogs: Record<Language, Record<MessageKey, string>> = { en, hi };

export function format(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = (catalogs[lang] as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function fieldLabel(lang: Language, field: string): string {
  const key = `field.${field}`;
  return key in en ? format(lang, key) : field;
}

export function fieldErrorMessage(lang: Language, field: string, code: string): string {
  const key = `fieldError.${code}` in en ? `fieldError.${code}` : 'fieldError.invalid';
  return format(lang, key, { field: fieldLabel(lang, field) });
}

/** One line for the user: what went wrong, in their language. */
export function formatError(info: ErrorInfo, lang: Language): string {
  const params = { ...info.params };
  if (info.code === 'validation' || info.code === 'badBackupRecord') {
    params.detail = (info.fields ?? []).map((f) => fieldErrorMessage(lang, f.field, f.code)).join(' ');
  } else if (typeof params.detail === 'string' && params.detail.startsWith('detail.') && params.detail in en) {
    // A detail that is one of our message keys is said in the user's language.
    params.detail = format(lang, params.detail);
  }
  return format(lang, `error.${info.code}`, params);
}

/** The language of a locale string such as "hi_IN.UTF-8" or "en-US": Hindi or English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale && /^hi\b/i.test(locale.replace('_', '-')) ? 'hi' : 'en';
}
