import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { personKey, type Staff } from '../../shared/domain/org';
import { call } from '../api/call';

/** The tag a name not on the staff list carries on screen (the 核对 lists such names too). */
const OUTSIDER_TAG = '非本单位人员名单';

// The staff list, fetched once for the fields opened together (a dialog's 拟稿人, 审核人, 签发人) and again when a
// later dialog opens, so a person just added on 单位与人员 is there.
let cached: { at: number; list: Promise<Staff[]> } | null = null;
function loadStaff(): Promise<Staff[]> {
  if (!cached || Date.now() - cached.at > 3000) {
    const list = call('staff.list', {});
    cached = { at: Date.now(), list };
    list.catch(() => (cached = null));
  }
  return cached.list;
}

/** The staff list: the one the screen already holds, else fetched. */
function useStaff(given?: Staff[]): Staff[] | null {
  const [staff, setStaff] = useState<Staff[] | null>(given ?? null);
  useEffect(() => {
    if (given) return setStaff(given);
    let live = true;
    loadStaff().then(
      (s) => live && setStaff(s),
      () => live && setStaff([]),
    );
    return () => {
      live = false;
    };
  }, [given]);
  return staff;
}

/** Whether a name is on the staff list (spaces ignored, people who left included: they were staff). */
function onStaffList(name: string, staff: readonly Pick<Staff, 'name'>[]): boolean {
  const k = personKey(name);
  return !!k && staff.some((s) => personKey(s.name) === k);
}

const who = (s: Staff, describe?: (s: Staff) => string) =>
  `${s.name}${s.departmentName ? `（${s.departmentName}）` : ''}${s.status === '离岗' ? '（离岗）' : ''}${describe ? describe(s) : ''}`;

interface Common {
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
  /** More words after a person's name in the list (e.g. the posts they hold). */
  describe?: (s: Staff) => string;
  /** The staff list when the screen has it already (else the field reads it). */
  staff?: Staff[];
}

/**
 * A field naming a person (经办人, 审核人, 签发人, 复核人, 责任人 …): a searchable list of the staff, in which a name not
 * on the list may also be typed and chosen ("使用“王五”"); such a name is shown with the tag 非本单位人员名单 and the
 * 核对 lists it. The value is the name as text. `PersonIdField` is the same field for records that store a staff id
 * (the name must then be on the list: there is nothing to store for anyone else).
 */
export function PersonField({
  value,
  onChange,
  id,
  placeholder = '选择人员，或输入姓名',
  disabled,
  describe,
  staff: given,
  'aria-label': ariaLabel,
}: Common & { value?: string | null; onChange?: (name: string) => void }) {
  const staff = useStaff(given);
  const [search, setSearch] = useState('');
  const current = (value ?? '').trim();
  const outsider = !!current && staff !== null && !onStaffList(current, staff);
  const typed = search.trim();
  const options = useMemo(() => {
    const list = (staff ?? [])
      .filter((s) => s.status === '在岗' || personKey(s.name) === personKey(current))
      .map((s) => ({ value: s.name, label: who(s, describe), search: who(s, describe) }));
    const extra: { value: string; label: ReactNode; search: string }[] = [];
    if (outsider) extra.push({ value: current, label: current, search: current });
    if (typed && !onStaffList(typed, staff ?? []) && personKey(typed) !== personKey(current))
      extra.push({ value: typed, label: `使用“${typed}”（${OUTSIDER_TAG}）`, search: typed });
    return [...list, ...extra];
  }, [staff, current, outsider, typed, describe]);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        // The staff who match, and always the typed name itself.
        filterOption: (input, o) => !!o && (o.search.includes(input.trim()) || o.value === input.trim()),
      }}
      allowClear
      disabled={disabled}
      placeholder={placeholder}
      value={current || undefined}
      options={options}
      notFoundContent={staff === null ? '正在读取人员名单…' : '人员名单中没有，可直接输入姓名后选择“使用…”'}
      onChange={(v) => {
        setSearch('');
        onChange?.(typeof v === 'string' ? v.trim() : '');
      }}
      labelRender={() =>
        outsider ? (
          <Space size={4}>
            {current}
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {OUTSIDER_TAG}
            </Tag>
          </Space>
        ) : (
          current
        )
      }
    />
  );
}

/** The person field of a record that stores a staff id (任务 and 整改 责任人): only people on the staff list. */
export function PersonIdField({
  value,
  onChange,
  id,
  placeholder = '选择人员（可输入姓名查找）',
  disabled,
  describe,
  staff: given,
  'aria-label': ariaLabel,
}: Common & { value?: number | null; onChange?: (id: number | null) => void }) {
  const staff = useStaff(given);
  const options = (staff ?? [])
    .filter((s) => s.status === '在岗' || s.id === value)
    .map((s) => ({ value: s.id, label: who(s, describe) }));
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      disabled={disabled}
      placeholder={placeholder}
      value={value ?? undefined}
      options={options}
      onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
      notFoundContent={
        staff === null ? (
          '正在读取人员名单…'
        ) : (
          <Typography.Text type="secondary">人员名单中没有此人，请先在“单位与人员”中添加。</Typography.Text>
        )
      }
    />
  );
}
