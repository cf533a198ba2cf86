/**
 * The number scanner: Arabic (half- and full-width, thousands separators, decimals), Chinese
 * numerals, units, approximations, and the numbers that are no quantities at all.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { arabicEnd, CHINESE_NUMERAL_CHARS, chineseNumeralValue, isNumeralChar, scanNumbers, type ScannedNumber } from '../../server/src/core/narrative/numbers';

/** Compact text as flow.ts makes it: no white space, ASCII digits. */
function scan(text: string): Pick<ScannedNumber, 'raw' | 'value' | 'unit' | 'kind' | 'approximate'>[] {
  const compact = text.replace(/\s+/gu, '').replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  return scanNumbers(compact).map(({ raw, value, unit, kind, approximate }) => ({ raw, value, unit, kind, approximate }));
}

const count = (raw: string, value: number, unit = '件') => ({ raw, value, unit, kind: 'count', approximate: false });

describe('Chinese numerals', () => {
  it('reads digits, tens, hundreds, thousands and 万', () => {
    const cases: [string, number][] = [
      ['九', 9], ['十', 10], ['十五', 15], ['二十一', 21], ['一百零五', 105], ['一千一百三十', 1130],
      ['两百', 200], ['两万三千', 23000], ['三万零五十', 30050], ['二〇二三', 2023], ['零', 0],
    ];
    for (const [text, value] of cases) assert.equal(chineseNumeralValue(text), value, text);
  });
  it('refuses what is not a numeral', () => {
    for (const text of ['', '三四', '十十', '百千', '一是', '万']) assert.equal(chineseNumeralValue(text), null, text);
  });
  it('counts with Chinese numerals read like Arabic ones: 九件, 二十一件, 一千一百三十件', () => {
    assert.deepEqual(scan('共收到申请九件'), [count('九', 9)]);
    assert.deepEqual(scan('共收到申请二十一件'), [count('二十一', 21)]);
    assert.deepEqual(scan('行政处罚一千一百三十件'), [count('一千一百三十', 1130)]);
  });
  it('numerals that are not figures are not read: 一是, 第三, 三中全会, 一批, 一事一审', () => {
    assert.deepEqual(scan('一是加强学习，第三季度，二十届三中全会，一批文件，一事一审'), []);
  });
});

describe('Arabic numbers', () => {
  it('full-width digits, thousands separators, PDF spaces between number and unit', () => {
    assert.deepEqual(scan('受理申请２１件'), [count('21', 21)]);
    assert.deepEqual(scan('行政处罚1,130件'), [count('1,130', 1130)]);
    assert.deepEqual(scan('受理申请 3，119 件'), [count('3，119', 3119)]);
    assert.deepEqual(scan('受理政府信息公开申请 21 件'), [count('21', 21)]);
  });
  it('units: 条, 篇, 元, 万元 (in 元), %, 人次, 个', () => {
    assert.deepEqual(scan('办理留言53条'), [count('53', 53, '条')]);
    assert.deepEqual(scan('发布信息240篇'), [count('240', 240, '篇')]);
    assert.deepEqual(scan('收取 3940 元'), [{ raw: '3940', value: 3940, unit: '元', kind: 'money', approximate: false }]);
    assert.deepEqual(scan('收费12.5万元'), [{ raw: '12.5', value: 125000, unit: '万元', kind: 'money', approximate: false }]);
    assert.deepEqual(scan('占51.85%'), [{ raw: '51.85', value: 51.85, unit: '%', kind: 'percent', approximate: false }]);
    assert.deepEqual(scan('点击量9939人次'), [count('9939', 9939, '人次')]);
    assert.deepEqual(scan('政务新媒体95个'), [count('95', 95, '个')]);
  });
  it('approximate figures: 5500余条, 约100件, 100多件, 2条以上', () => {
    for (const text of ['5500 余条', '约100件', '100多件', '2条以上']) assert.equal(scan(text)[0]!.approximate, true, text);
    assert.equal(scan('移动端使用次数112630次')[0]!.approximate, false);
  });
});

describe('numbers that are no quantities', () => {
  it('phone numbers, postcodes, e-mail, URLs, hotlines', () => {
    assert.deepEqual(
      scan('邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ： hzzwgk@126.com，网址：https://www.example.gov.cn/col/col12345/，12345热线').map((n) => n.kind),
      ['identifier', 'identifier', 'identifier', 'identifier', 'identifier', 'identifier'],
    );
  });
  it('document numbers and addresses: 〔2021〕30号, 国令第 711 号, 洪泽湖大道 90 号', () => {
    assert.deepEqual(scan('国办公开办函〔2021〕30号').map((n) => [n.raw, n.kind]), [['2021', 'identifier'], ['30', 'identifier']]);
    assert.deepEqual(scan('（国令第 711 号）').map((n) => [n.raw, n.unit, n.kind]), [['711', '号', 'identifier']]);
    assert.deepEqual(scan('洪泽湖大道 90\n号').map((n) => [n.raw, n.unit, n.kind]), [['90', '号', 'identifier']]);
  });
  it('years and dates: 2023年度, 2023年6月6日, 1—12月份, 1-12月', () => {
    assert.deepEqual(scan('2023年度').map((n) => [n.value, n.unit, n.kind]), [[2023, '年度', 'year']]);
    assert.deepEqual(scan('2023年6月6日上线').map((n) => n.kind), ['year', 'date', 'date']);
    assert.deepEqual(scan('1—12月份，').map((n) => n.kind), ['date', 'date']);
    assert.deepEqual(scan('1-12月，').map((n) => n.kind), ['date', 'date']);
  });
  it('ordinals and durations: 第五十条, 第3季度, 7个工作日', () => {
    assert.deepEqual(scan('第3季度').map((n) => n.kind), ['ordinal']);
    assert.deepEqual(scan('7个工作日').map((n) => n.kind), ['duration']);
  });
});

describe('the Arabic number read by code', () => {
  it('ends where the regular expression it replaces ends, on every short string of digits, separators and points', () => {
    const ARABIC = /\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;
    const alphabet = ['1', '2', '0', ',', '，', '.', '件'];
    let seed = 13;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      let text = String(random(10));
      for (let n = random(14); n > 0; n--) text += alphabet[random(alphabet.length)]!;
      ARABIC.lastIndex = 0;
      const m = ARABIC.exec(text)!;
      assert.equal(arabicEnd(text, 0), m[0].length, text);
    }
    const cases: [string, string][] = [['1,234,567件', '1,234,567'], ['12,345,6789', '12,345'], ['1,2345', '1'], ['1234,567', '1234'], ['3.50元', '3.50'], ['1,234.5', '1,234.5'], ['7.', '7']];
    for (const [text, raw] of cases) {
      assert.equal(text.slice(0, arabicEnd(text, 0)), raw, text);
    }
  });
});

describe('the numeral test by code', () => {
  it('holds for exactly the characters of CHINESE_NUMERAL_CHARS, over every code unit', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isNumeralChar(c), CHINESE_NUMERAL_CHARS.includes(String.fromCharCode(c)), c.toString(16));
    assert.equal(isNumeralChar(NaN), false);
  });
});
