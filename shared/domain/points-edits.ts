// Corrections a user makes to imported items before saving: change a level, merge with the item above, split one
// item in two. Pure functions over the item list, so the preview stays a plain array in React state.

import { extractDeadline } from './point-deadlines';
import { formatChineseNumeral, formatCircled, parseChineseNumeral } from './point-numbering';
import { splitUnits } from './point-units';
import { titleOfText, type PointItem } from './points';

export const LEVEL_OPTIONS = [
  { value: 1, label: '一、（第1级）' },
  { value: 2, label: '（一）（第2级）' },
  { value: 3, label: '1.（第3级）' },
  { value: 4, label: '（1）（第4级）' },
  { value: 5, label: '①（第5级）' },
];

/** The label after this one in the same style: 3 → 4, 三 → 四, ③ → ④. */
export function nextLabel(label: string): string {
  if (/^\d+$/.test(label)) return String(Number(label) + 1);
  const cn = parseChineseNumeral(label);
  if (cn) return formatChineseNumeral(cn + 1);
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(label);
  if (circled >= 0) return formatCircled(circled + 2);
  return label;
}

export function setLevel(items: PointItem[], index: number, level: number): PointItem[] {
  return items.map((it, i) => (i === index ? { ...it, level } : it));
}

/** Joins an item onto the one above it: texts one after the other, units together, the first deadline kept. */
export function mergeWithPrevious(items: PointItem[], index: number): PointItem[] {
  if (index <= 0) return items;
  const a = items[index - 1];
  const b = items[index];
  const text = `${a.text}\n${b.text}`.trim();
  const merged: PointItem = {
    ...a,
    text,
    title: a.title || titleOfText(text),
    lead: [...new Set([...a.lead, ...b.lead])],
    support: [...new Set([...a.support, ...b.support])].filter((u) => !a.lead.includes(u) && !b.lead.includes(u)),
    deadline: a.deadline ?? b.deadline,
    deadlineText: a.deadlineText ?? b.deadlineText,
  };
  return [...items.slice(0, index - 1), merged, ...items.slice(index + 1)];
}

/** The sentences of an item's text, each with its ending punctuation, for choosing where to split. */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。；;！？\n]+[。；;！？]?|\n/g)?.filter((s) => s.trim()) ?? [text];
}

/**
 * Splits an item before sentence `at`: the second part becomes a new item with the next label in the same style.
 * Both keep the item's units (a closing note usually covers the whole item); deadlines are read again per part.
 */
export function splitItem(items: PointItem[], index: number, at: number, year: number): PointItem[] {
  const it = items[index];
  const parts = sentencesOf(it.text);
  if (at <= 0 || at >= parts.length) return items;
  const firstText = parts.slice(0, at).join('').trim();
  const secondText = parts.slice(at).join('').trim();
  const first: PointItem = {
    ...it,
    text: firstText,
    title: titleOfText(firstText),
    ...extractDeadline(firstText, year),
  };
  const second: PointItem = {
    ...it,
    label: nextLabel(it.label),
    text: secondText,
    title: titleOfText(secondText),
    ...extractDeadline(secondText, year),
  };
  return [...items.slice(0, index), first, second, ...items.slice(index + 1)];
}

/** Units typed by a person: "办公室、高新科，财务科". */
export function unitsFromInput(s: string): string[] {
  return splitUnits(s, ' /／');
}
