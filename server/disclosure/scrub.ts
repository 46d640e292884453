// What the public record may keep of a consumer's own words: phone numbers, ID numbers, email
// addresses and names are replaced by rule before a description is published. Rules, not a model:
// each one is tested with real-looking text (test/disclosure/scrub.test.ts), and what they miss is
// the reason publication of the description needs the consumer's own opt-in.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// 18-digit resident ID (last may be X) and the old 15-digit one, not inside a longer number.
const ID_NUMBER = /(?<![0-9])(?:[1-9]\d{16}[\dXx]|[1-9]\d{14})(?![0-9Xx])/g;
// Mainland mobiles with optional +86 and spaces or dashes in 3-4-4 groups.
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9])/g;
// Landlines with an area code: 0571-88888888, (0579) 8555 1234.
const LANDLINE = /(?<![0-9])(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}(?![0-9])/g;
// A name announced as one: 我叫张三, 姓名：李四, 联系人 王小明.
const NAMED = /((?:我叫|名叫|姓名[:：]?|联系人[:：]?|收货人[:：]?)\s*)[\u4e00-\u9fa5]{2,3}/g;
// A surname with a title: 王经理, 李女士, 陈师傅 (the title stays, the surname goes).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLED = new RegExp(`[${SURNAMES}][\\u4e00-\\u9fa5]?(先生|女士|小姐|经理|店长|师傅|老板|主管|阿姨)`, 'g');
const LATIN_TITLED = /\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;

/** The description with personal data replaced; `knownNames` (the consumer's own) go wherever they stand. */
export function scrub(text: string, knownNames: string[] = []): string {
  let out = text.replace(EMAIL, '[邮箱]').replace(ID_NUMBER, '[证件号]').replace(MOBILE, '[电话]').replace(LANDLINE, '[电话]');
  for (const name of knownNames.filter((n) => n.trim().length >= 2)) out = out.split(name.trim()).join('[姓名]');
  return out
    .replace(NAMED, (_m, lead: string) => `${lead}[姓名]`)
    .replace(TITLED, (_m, title: string) => `某${title}`)
    .replace(LATIN_TITLED, (_m, title: string) => `${title}. [name]`);
}
