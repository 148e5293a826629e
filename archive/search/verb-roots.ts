// Hindi verb roots that a word's shape alone cannot tell from a noun: the roots of one or two
// letters (खा, कर, चल …), whose perfective (चला) looks like a noun in -ा (काना) and whose bare
// root (चल) looks like any short noun (कान). A longer root is recognised by its endings alone.
// Written for this project from common Hindi usage; the forms that follow no rule are in
// IRREGULAR_FORMS.
import { foldWord } from './normalize.ts';

const ROOT_LIST = `
  खा जा दे ले पी सो रो आ पा गा ला हो कर सी धो छू बो जी चू ढो
  चल पढ़ लिख देख सुन बन मिल रख बैठ उठ सोच बोल खेल लड़ मर डर भर चढ़ बढ़ घट हट कट फट जल बच रह
  कह मान जान गिर फिर घूम चुन छोड़ जोड़ तोड़ मोड़ दौड़ पकड़ रुक झुक टूट छूट लूट कूद पूछ खोल
  भेज बेच सीख सुख दुख थक पक जग जाग भाग माँग मांग लग लौट पहन बदल निकल पहुंच पहुँच समझ संभल
  सुधर सुधार बिगड़ उतर उबल उछल उड़ ओढ़ कस खिल खींच खोद गल गिन गूँथ घिस चख चमक चीख चुभ छिप
  छीन जम जीत जुड़ जूझ झांक झेल टल टिक डाल ढक तप तल तैर थम दब दिख धक धुल नाच नाप निभ पट पल
  पिघल पिस पीट पूज फंस फैल बंट बट बस बह बांध बाँध बाँट बांट बुन बोल भूल भोग मट मल मांज मार मिट
  रच रट रम रुल लद लपट लिपट लुट सज सड़ सह सिल सूख सौंप हंस हँस हार हिल जाँच जांच काट डूब
  पीस रोक सोख ठग ठहर बुझ बिक बीत मच रोप लाद सिक सुलझ उलझ चाट चुक छल छाप जोत झगड़ तान तौल
  दाब धर नहा नोच पाल पोंछ फेंक बाँच बैठ भींच मांग मुड़ रूठ लांघ सँवार सोच हड़प कमा बता गंवा
  गवां बुला सता दोहरा घबरा शरमा शर्मा अपना ठुकरा हकला
`;

/** Verb roots whose short or noun-like forms are still read as verb forms (folded, as words are). */
export const VERB_ROOTS: ReadonlySet<string> = new Set(
  ROOT_LIST.split(/\s+/)
    .filter(Boolean)
    .map((root) => foldWord(root)),
);

/**
 * Forms no ending rule yields, with their root: the perfective of जा, कर, दे, ले, पी, हो, जी,
 * छू, the polite imperatives in -जिए, and subjunctives of roots in -े, -ो. Left out on purpose:
 * की, लिए and दो, far more often "of", "for" and "two" than forms of करना, लेना and देना.
 */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['गया', 'जा'],
  ['गए', 'जा'],
  ['गई', 'जा'],
  ['गईं', 'जा'],
  ['किया', 'कर'],
  ['किए', 'कर'],
  ['कीं', 'कर'],
  ['कीजिए', 'कर'],
  ['करिए', 'कर'],
  ['दिया', 'दे'],
  ['दिए', 'दे'],
  ['दी', 'दे'],
  ['दीं', 'दे'],
  ['दीजिए', 'दे'],
  ['लिया', 'ले'],
  ['ली', 'ले'],
  ['लीं', 'ले'],
  ['लीजिए', 'ले'],
  ['पिया', 'पी'],
  ['पिए', 'पी'],
  ['पीजिए', 'पी'],
  ['पीं', 'पी'],
  ['पियो', 'पी'],
  ['जियो', 'जी'],
  ['दें', 'दे'],
  ['लें', 'ले'],
  ['लो', 'ले'],
  ['हों', 'हो'],
  ['हुआ', 'हो'],
  ['हुए', 'हो'],
  ['हुई', 'हो'],
  ['हुईं', 'हो'],
  ['जिया', 'जी'],
  ['जिए', 'जी'],
  ['छुआ', 'छू'],
  ['छुए', 'छू'],
  ['छुई', 'छू'],
]);
