// The AB warnings as the home screen lists them (apart from ab.ts and its schemas: the card is start-up code).
import type { TeamWarning } from './ab';

/**
 * For the home screen: every time-limited item on its own line, the vacancies folded into one line so that a new
 * installation (seven posts, none filled) does not bury a 备案 that is due.
 */
export function summariseWarnings(
  warnings: TeamWarning[],
  posts: { id: number; name: string }[],
): Pick<TeamWarning, 'severity' | 'message' | 'calendarWarning'>[] {
  const vacant = new Set(warnings.filter((w) => w.kind === 'noA' || w.kind === 'noB').map((w) => w.postId));
  const out: Pick<TeamWarning, 'severity' | 'message' | 'calendarWarning'>[] = warnings
    .filter((w) => w.kind !== 'noA' && w.kind !== 'noB')
    .map((w) => ({ severity: w.severity, message: w.message, calendarWarning: w.calendarWarning }));
  if (vacant.size) {
    const names = posts.filter((p) => vacant.has(p.id)).map((p) => p.name);
    out.push({
      severity: 'error',
      message: `${names.length}个岗位尚未配齐A岗和B岗：${names.join('、')}。`,
      calendarWarning: null,
    });
  }
  return out;
}
