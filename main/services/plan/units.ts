// 单位对应: which of the bureau's 科室 a unit named by the higher level stands for. The rules suggest; the user
// confirms in the 单位对应 table (and the choice is remembered). Matching is on the name's stem (政策法规处 → 政策法规科),
// never on a fixed list of names; units that are the bureau among many (各级政府部门) go to the office that leads
// 政务公开; "各科室/各处室" is every 科室; units of other levels and other bodies (省司法厅, 各市〔州〕政府) are suggested
// as 不涉及 so they never print as the bureau's 牵头科室.

export interface DepartmentRef {
  id: number;
  name: string;
}

/** "政策法规处" → "政策法规", "局办公室" → "办公室": the name without the bureau prefix and the division word. */
function unitStem(name: string): string {
  const n = name.replace(/\s+/g, '').replace(/^(?:局机关|本局|局)(?=.{2,})/, '');
  if (/^办公室$|^办公厅$/.test(n)) return '办公';
  return n.replace(/(?:科室|处室|股室|科|处|室|股|组)$/, '');
}

/** A division inside an organisation (处/科/室/股), not an organisation of its own (厅/局/委/政府). */
function isDivision(name: string): boolean {
  return (
    /(?:科|处|室|股|组)$/.test(name) &&
    !/(?:政府|办公厅[〔（(]?室?[〕）)]?)$/.test(name) &&
    !/^(?:省|市|州|县|区)(?:政府|委|人大)/.test(name)
  );
}

/** Units that are every 科室 of the bureau: 各科室, 各处室, 局机关各科室, 各股室, 各内设机构. */
export function isAllDepartments(unit: string): boolean {
  return /^(?:局机关|局|机关|本局)?(?:各|全体|所有)(?:有关)?(?:科室|处室|股室|科|处|内设机构|业务科室)$/.test(
    unit.replace(/\s+/g, ''),
  );
}

/**
 * The bureau's own kind among the lower levels' bodies: 各县市区科技主管部门, 各县（市、区）科技局, 各市州科技行政部门 — a
 * higher 科技 office writing to the 科技 bureaus below it, this bureau among them.
 */
const SCIENCE_BUREAUS =
  /^(?:全省|全市|全州)?各(?:[省市州县区旗盟]|[（(〔][市州县区旗盟、]+[）)〕])+(?:级)?科(?:学)?技(?:术)?(?:主管|行政|管理)?(?:部门|局|委)$/;

/**
 * Units that name the bureau among many addressees: 各级政府部门, 省直各部门, 县直各部门, 各有关部门, 各单位 (not
 * 局属各单位), and the lower levels' 科技 bureaus (各县市区科技主管部门).
 */
function isBureauItself(unit: string): boolean {
  const u = unit.replace(/\s+/g, '');
  return (
    SCIENCE_BUREAUS.test(u) ||
    /^(?:全省|全市|全县|全州|全区)?(?:省直|市直|州直|县直|区直|省|市|县)?(?:各级各|各地各|各级|各)(?:政府)?(?:有关)?(?:部门|单位|行政机关)$/.test(
      u,
    ) ||
    /^(?:各级政府及其|各级人民政府及其)(?:工作)?部门$/.test(u) ||
    /^(?:省|市|州|县|区)?科(?:学)?技(?:术)?(?:厅|局)$/.test(u)
  );
}

/** The 科室 whose name's stem matches the unit's (政策法规处 → 政策法规科; 法规科 → 政策法规科 when only one fits). */
function matchDepartment(unit: string, depts: readonly DepartmentRef[]): DepartmentRef | null {
  const u = unit.replace(/\s+/g, '');
  const exact = depts.find((d) => d.name === u);
  if (exact) return exact;
  if (!isDivision(u)) return null;
  const stem = unitStem(u);
  if (stem.length < 2) return null;
  const same = depts.filter((d) => unitStem(d.name) === stem);
  if (same.length === 1) return same[0];
  // A shortened name (法规科 for 政策法规科, 高新科 for 高新技术科) matches when exactly one 科室 fits.
  const close = depts.filter((d) => {
    const s = unitStem(d.name);
    return s.length >= 2 && (s.endsWith(stem) || stem.endsWith(s) || s.startsWith(stem));
  });
  return close.length === 1 ? close[0] : null;
}

type Suggestion =
  { kind: 'department'; department: DepartmentRef } | { kind: 'all' } | { kind: 'ignore' } | { kind: 'none' };

/** The office that leads 政务公开 work: a 科室 named 办公室, else one whose name contains it. */
function officeOf(depts: readonly DepartmentRef[]): DepartmentRef | null {
  return depts.find((d) => d.name === '办公室') ?? depts.find((d) => d.name.includes('办公室')) ?? null;
}

/** What the unit most likely stands for in the bureau. */
export function suggestMapping(unit: string, depts: readonly DepartmentRef[]): Suggestion {
  const d = matchDepartment(unit, depts);
  if (d) return { kind: 'department', department: d };
  if (isAllDepartments(unit)) return { kind: 'all' };
  if (isBureauItself(unit)) {
    const office = officeOf(depts);
    return office ? { kind: 'department', department: office } : { kind: 'none' };
  }
  // A division with no matching 科室 may be one the bureau has not entered yet (财务科): the user decides.
  if (isDivision(unit) && !/^(?:省|市|州|县|区|各级|各)/.test(unit)) return { kind: 'none' };
  // Anything else is another body or level (省司法厅, 各市〔州〕政府, 局属各单位): not the bureau's 科室.
  return { kind: 'ignore' };
}
