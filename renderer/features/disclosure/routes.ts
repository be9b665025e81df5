// The 信息公开 screen's tabs (#/disclosure/<tab>/…), apart from the screen so the menu does not load the screen's code.

/** In order; the first is where the screen opens the first time. */
export const DISCLOSURE_TABS = [
  { key: 'publications', label: '信息发布登记' },
  { key: 'requests', label: '依申请公开' },
  { key: 'report', label: '年度报告' },
] as const;
export type DisclosureTab = (typeof DISCLOSURE_TABS)[number]['key'];
export const DISCLOSURE_TAB_KEYS: readonly DisclosureTab[] = DISCLOSURE_TABS.map((t) => t.key);
