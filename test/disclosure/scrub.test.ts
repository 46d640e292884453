import { expect } from 'chai';
import { scrub } from '../../server/disclosure/scrub.js';

describe('scrubbing a published description of personal data', () => {
  const cases: [string, string, string[]?][] = [
    ['请联系我 13805711234，或者 138 0571 1234。', '请联系我 [电话]，或者 [电话]。'],
    ['电话+86-139-5712-3456，座机0571-87654321，(0579) 8555 1234', '电话[电话]，座机[电话]，[电话]'],
    ['身份证号330106199001011234，旧证330106900101123', '身份证号[证件号]，旧证[证件号]'],
    ['身份证 33010619900101123X 已复印', '身份证 [证件号] 已复印'],
    ['发票请寄 zhang.xm@example.com 谢谢', '发票请寄 [邮箱] 谢谢'],
    ['我叫张晓明，在西湖店买的。', '我叫[姓名]，在西湖店买的。', ['张晓明']],
    ['张晓明于3月2日购买，张晓明本人签收', '[姓名]于3月2日购买，[姓名]本人签收', ['张晓明']],
    ['联系人：王芳，收货人 李建国', '联系人：[姓名]，收货人 [姓名]'],
    ['店里的王经理说不能退，后来陈师傅上门也没修好，李女士很不满', '店里的某经理说不能退，后来某师傅上门也没修好，某女士很不满'],
    ['Mr. Zhang Wei at the counter refused; Ms Li agreed.', 'Mr. [name] at the counter refused; Ms. [name] agreed.'],
  ];
  for (const [input, expected, names] of cases) {
    it(`${input} → ${expected}`, () => expect(scrub(input, names)).to.equal(expected));
  }

  it('keeps what is not personal: order numbers, prices, dates, product and store names', () => {
    const text = '订单号 2026031012，价格 129.00 元，2026-03-02 在万家福超市杭州西湖店购买美家电热水壶 MJ-1500，使用三次后漏电。';
    expect(scrub(text)).to.equal(text);
  });
});
