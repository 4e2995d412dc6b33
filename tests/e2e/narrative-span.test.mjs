// Where the page highlights a finding's statement inside its sentence (www/narrative.js, spanIn):
// plain functions, run in Node (the browser tests show the result on the page: crossyear.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanIn } from '../../www/narrative.js';

const pick = (sentence, span) => (span ? Array.from(sentence).slice(span[0], span[1]).join('') : null);

test('the statement the message quotes, wherever the sentence starts in its paragraph', () => {
  const sentence = '全年共收到政府信息公开申请36件，均已按时答复';
  // The paragraph offsets (40..53) count from an earlier sentence: the quote is what is marked.
  const span = spanIn(sentence, { start: 40, end: 53 }, { message: '正文“共收到政府信息公开申请36件”与表三“一、本年新收”总计 35 不一致' });
  assert.equal(pick(sentence, span), '共收到政府信息公开申请36件');
});

test('of several quotes, the one of the location\'s length that the sentence holds', () => {
  const sentence = '本年度收到申请21件，办结21件';
  const span = spanIn(sentence, { start: 10, end: 15 }, { message: '“表三”与正文“办结21件”不一致' });
  assert.equal(pick(sentence, span), '办结21件');
});

test('no quote in the sentence: the paragraph offsets when they fall on a number, else the figure read', () => {
  const sentence = '本机关共受理申请二十一件';
  assert.equal(pick(sentence, spanIn(sentence, { start: 6, end: 12 }, { message: '正文的件数与表格不一致' })), '申请二十一件');
  const later = '此外，依申请公开办理12件，全部按时答复';
  // Offsets past the sentence (it starts later in the paragraph): the figure the finding read.
  assert.equal(pick(later, spanIn(later, { start: 60, end: 70 }, { message: '不一致', expected: 12, actual: 13 })), '12件');
  assert.equal(pick(later, spanIn(later, { start: 60, end: 70 }, { message: '不一致', expected: 7, actual: 12 })), '12件');
  // Nothing to go on: no mark rather than a wrong one (a bare 1 is not a count).
  assert.equal(spanIn(later, { start: 60, end: 70 }, { message: '不一致', expected: 7, actual: 1 }), null);
  assert.equal(spanIn(later, { start: 0, end: 2 }, { message: '不一致' }), null, 'no number in 此外');
});
