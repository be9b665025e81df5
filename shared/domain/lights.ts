// A task's light (已逾期, 即将到期, 正常推进, 已完成, 无时限): its own module, free of schemas, so the home screen's
// cards can name lights without the plan's schemas in the window's start-up code.

export const LIGHTS = ['overdue', 'dueSoon', 'onTrack', 'done', 'none'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_LABELS: Record<Light, string> = {
  overdue: '已逾期',
  dueSoon: '即将到期',
  onTrack: '正常推进',
  done: '已完成',
  none: '无时限',
};
