import { expect, it } from 'vitest';
import {
  mergeWithPrevious,
  nextLabel,
  sentencesOf,
  setLevel,
  splitItem,
  unitsFromInput,
} from '../../../shared/domain/points-edits';
import type { PointItem } from '../../../shared/domain/points';

// The corrections offered in the preview before saving.

const item = (over: Partial<PointItem>): PointItem => ({
  level: 3,
  label: '1',
  title: '',
  text: '',
  lead: [],
  support: [],
  deadline: null,
  deadlineText: null,
  ...over,
});

it('合并：内容接在上一条后面，单位合并，保留先出现的时限', () => {
  const items = [
    item({ label: '1', title: '做好公开', text: '做好公开。', lead: ['办公室'] }),
    item({
      label: '2',
      title: '9月底前完成',
      text: '9月底前完成。',
      lead: ['高新科'],
      support: ['办公室', '财务科'],
      deadline: '2021-09-30',
      deadlineText: '9月底前',
    }),
  ];
  expect(mergeWithPrevious(items, 1)).toEqual([
    item({
      label: '1',
      title: '做好公开',
      text: '做好公开。\n9月底前完成。',
      lead: ['办公室', '高新科'],
      support: ['财务科'],
      deadline: '2021-09-30',
      deadlineText: '9月底前',
    }),
  ]);
  expect(mergeWithPrevious(items, 0)).toBe(items);
});

it('拆分：从选定的句子起成为新条目，编号顺延，时限按各自内容重新识别', () => {
  const items = [
    item({ label: '3', title: '推进公开', text: '推进公开。①加快推进网上办事。②9月底前梳理目录。', lead: ['办公室'] }),
  ];
  expect(sentencesOf(items[0].text)).toEqual(['推进公开。', '①加快推进网上办事。', '②9月底前梳理目录。']);
  const out = splitItem(items, 0, 2, 2021);
  expect(out.map((i) => [i.label, i.title, i.text, i.lead, i.deadline])).toEqual([
    ['3', '推进公开', '推进公开。①加快推进网上办事。', ['办公室'], null],
    ['4', '②9月底前梳理目录', '②9月底前梳理目录。', ['办公室'], '2021-09-30'],
  ]);
  expect(splitItem(items, 0, 0, 2021)).toBe(items);
});

it('改层级、下一个编号、输入的单位', () => {
  expect(setLevel([item({}), item({})], 1, 4).map((i) => i.level)).toEqual([3, 4]);
  expect(['9', '九', '⑨', '甲'].map(nextLabel)).toEqual(['10', '十', '⑩', '甲']);
  expect(unitsFromInput('办公室、 高新科，各县〔市、区〕政府 / 财务科')).toEqual([
    '办公室',
    '高新科',
    '各县〔市、区〕政府',
    '财务科',
  ]);
});
