import { Alert, Button, Modal, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { importRowPlace, type Deadline, type RequestInput } from '../../../shared/domain/disclosure';
import type { DisclosureExportKind } from '../../../shared/ipc/contracts/disclosure';
import type { Output } from '../../../shared/ipc/contract';
import { AppError, call, toUpload } from '../../api/call';
import { openCalendarSettings } from '../../components/CalendarGapTag';
import { DIALOG_BODY_STYLE, DIALOG_TOP } from '../../components/FormDialog';
import { useBusyAction } from '../../hooks';
import { useCheckedDeliver } from '../../components/CheckedExport';
import { DeadlineTag } from './DeadlineTag';
import { formatChineseDate } from '../../../shared/domain/date-text';

/** The area's exports; the 年报's name its open 核对 findings first (useCheckedDeliver), letters go straight. */
export function useDisclosureExport() {
  const save = useCheckedDeliver();
  return (kind: DisclosureExportKind, args: { id?: number; year?: number } = {}) =>
    save(kind, args.year ?? 0, () => call('disclosure.export', { kind, ...args }));
}

/** The 答复期限 as the dates typed so far give it (the 办理 dialog's banner), with what may make it uncertain. */
export function DeadlineBanner({ deadline }: { deadline: Deadline }) {
  const d = deadline;
  return (
    <Alert
      style={{ marginBottom: 8 }}
      type={d.state === '逾期' ? 'error' : d.calendarWarning ? 'warning' : 'info'}
      showIcon
      role="status"
      aria-label="答复期限"
      title={
        <>
          答复期限：{d.dueDate ? formatChineseDate(d.dueDate) : '暂停计时'}{' '}
          <DeadlineTag state={d.state} calendarWarning={d.calendarWarning} />
          {d.extensionDays ? `（含延期${d.extensionDays}个工作日）` : ''}
          {d.pausedDays ? `（征求意见不计时${d.pausedDays}个工作日）` : ''}
        </>
      }
      description={
        d.notes.length || d.calendarWarning ? (
          <>
            {d.notes.join('；')}
            {d.calendarWarning && (
              <div>
                {d.calendarWarning}
                <Button type="link" size="small" onClick={openCalendarSettings}>
                  去设置
                </Button>
              </div>
            )}
          </>
        ) : undefined
      }
    />
  );
}

/**
 * The 答复期限 of the dates being typed, recomputed by the service shortly after they change (with the user's
 * calendar), so the banner never shows the last saved state; `saved` until the first answer.
 */
export function useDeadlinePreview(
  receivedDate: string | undefined,
  answeredDate: string | null | undefined,
  steps: NonNullable<RequestInput['steps']>,
  saved: Deadline | null,
  /** The 办理结果 chosen: a 三.六.2 is not counted late on the applicant's 缴费 time. */
  result?: string | null,
): Deadline | null {
  const [deadline, setDeadline] = useState<Deadline | null>(saved);
  const key = JSON.stringify([receivedDate, answeredDate, steps, result]);
  useEffect(() => {
    const iso = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (!iso(receivedDate)) return setDeadline(null);
    // Only the answer to the latest dates is shown: an earlier call answering late (a busy PC) must not overwrite it.
    let current = true;
    const timer = setTimeout(() => {
      const complete = steps
        .filter((st) => st?.kind && iso(st.startDate))
        .map((st) => ({
          kind: st.kind,
          startDate: st.startDate,
          endDate: iso(st.endDate) ? st.endDate : null,
          days: st.kind === '延期' ? (st.days ?? null) : null,
          toldDate: iso(st.toldDate) ? st.toldDate : null,
        }));
      call('disclosure.requestDeadline', {
        receivedDate,
        answeredDate: iso(answeredDate) ? answeredDate : null,
        steps: complete,
        result: (result ?? null) as RequestInput['result'],
      })
        .then((d) => current && setDeadline(d))
        // A combination the service refuses (e.g. an extension of 0 days while typing): keep the last one shown.
        .catch(() => undefined);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for the four values (the steps array is a new object on every render).
  }, [key]);
  return deadline;
}

type Outcome = Output<'disclosure.importRequests'>;
type Columns = Output<'disclosure.columns'>;

/** The rows an import did not take, every one of them, in a box that scrolls inside the dialog. */
function RowList({
  title,
  rows,
  danger,
}: {
  title: string;
  rows: { row: number; sheet?: string; reason: string }[];
  danger?: boolean;
}) {
  if (!rows.length) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type={danger ? 'danger' : undefined}>{title}</Typography.Text>
      <ul aria-label={title} style={{ maxHeight: 200, overflowY: 'auto', margin: '4px 0 0', paddingLeft: 20 }}>
        {rows.map((r) => (
          <li key={`${r.sheet ?? ''}-${r.row}-${r.reason}`}>
            {importRowPlace(r)}：{r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What an import did: how many per year (and where rows of other years went), 栏目 created, every row not taken. */
function ImportResult({
  result,
  unit,
  year,
  onClose,
}: {
  result: { outcome: Outcome | null; refusal: string | null };
  unit: string;
  year: number;
  onClose: () => void;
}) {
  const o = result.outcome;
  const others = o?.byYear.filter((y) => y.year !== year) ?? [];
  return (
    <Modal
      open
      title={o?.added.length ? '导入结果' : '没有导入任何记录'}
      width={640}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="知道了"
    >
      {result.refusal && !o?.added.length && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={result.refusal} />
      )}
      {o && o.added.length > 0 && (
        <Typography.Paragraph>
          已导入 {o.added.length} {unit}：{o.byYear.map((y) => `${y.year}年${y.count}${unit}`).join('、')}。
          {others.length > 0 &&
            `其中${others.map((y) => `${y.year}年的${y.count}${unit}`).join('、')}不在当前查看的${year}年，在本页“统计年度”中切换可看到。`}
          {o.newColumns.length ? `新建栏目：${o.newColumns.join('、')}。` : ''}
        </Typography.Paragraph>
      )}
      {o && (o.skipped.length > 0 || o.refused.length > 0) && (
        <Typography.Paragraph type="secondary">
          {o.sheets.length > 1
            ? `读取了工作表${o.sheets.map((s) => `“${s}”`).join('')}，行号是所注工作表中的行号：请改正下列各行后重新导入（已导入的不会重复）。`
            : `行号是工作表“${o.sheet}”中的行号：请在该工作表中改正下列各行后重新导入（已导入的不会重复）。`}
        </Typography.Paragraph>
      )}
      {o && (
        <>
          <RowList title={`跳过 ${o.skipped.length} ${unit}（重复）：`} rows={o.skipped} />
          <RowList title={`无法导入 ${o.refused.length} ${unit}：`} rows={o.refused} danger />
        </>
      )}
    </Modal>
  );
}

/**
 * Before a 信息发布 import stores anything: each 栏目 of the file the 公开目录 does not know is mapped to an existing
 * one (remembered for later imports) or created on purpose. Nothing is preselected.
 */
function ColumnMapping({
  unknown,
  columns,
  onImport,
  onCancel,
}: {
  unknown: Outcome['unknownColumns'];
  columns: Columns;
  onImport: (choices: { name: string; columnId: number | null }[]) => void;
  onCancel: () => void;
}) {
  const [choices, setChoices] = useState<Record<string, number | 'new' | undefined>>({});
  const ready = unknown.every((u) => choices[u.name] !== undefined);
  return (
    <Modal
      open
      title="对应栏目"
      width={640}
      style={{ top: DIALOG_TOP }}
      styles={{ body: DIALOG_BODY_STYLE }}
      okText="导入"
      cancelText="取消"
      okButtonProps={{ disabled: !ready }}
      onCancel={onCancel}
      onOk={() =>
        onImport(
          unknown.map((u) => {
            const c = choices[u.name];
            return { name: u.name, columnId: c === 'new' || c === undefined ? null : c };
          }),
        )
      }
    >
      <Typography.Paragraph>
        文件中有公开目录里没有的栏目。请为每个栏目选择对应的已有栏目（以后导入同名栏目时自动沿用），或按原名新建栏目。
        选好之前不会导入任何记录。
      </Typography.Paragraph>
      {unknown.map((u) => (
        <div key={u.name} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <span style={{ width: 200 }}>
            {u.name || '（未填栏目）'}（{u.rows}条）
          </span>
          <Select
            aria-label={`“${u.name || '未填栏目'}”对应的栏目`}
            placeholder="请选择"
            style={{ flex: 1 }}
            value={choices[u.name]}
            onChange={(v) => setChoices((c) => ({ ...c, [u.name]: v }))}
            options={[
              ...(u.name ? [{ value: 'new' as const, label: `新建栏目“${u.name}”` }] : []),
              ...columns.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        </div>
      ))}
    </Modal>
  );
}

/**
 * An .xlsx import button. A 信息发布 file whose 栏目 the 公开目录 lacks first asks how to map them (`columns`); then a
 * dialog says what was added per year, and lists every skipped and refused row with its number and reason — also when
 * nothing could be added, instead of a passing message over the header.
 */
export function ImportButton({
  label,
  method,
  unit,
  year,
  columns,
  onDone,
}: {
  label: string;
  method: 'disclosure.importPublications' | 'disclosure.importRequests';
  unit: string;
  /** The year the register shows. */
  year: number;
  /** The 公开目录, for mapping a publication file's unknown 栏目. */
  columns?: Columns;
  onDone: () => void;
}) {
  const [busy, run] = useBusyAction<'import'>();
  const [result, setResult] = useState<{ outcome: Outcome | null; refusal: string | null } | null>(null);
  const [mapping, setMapping] = useState<{ file: File; unknown: Outcome['unknownColumns'] } | null>(null);
  const importFile = (file: File, choices?: { name: string; columnId: number | null }[]) =>
    run(
      'import',
      async () => {
        try {
          const upload = await toUpload(file);
          const out =
            method === 'disclosure.importPublications'
              ? await call(method, { upload, columns: choices ?? [] })
              : await call(method, { upload });
          if (out.unknownColumns.length) {
            setMapping({ file, unknown: out.unknownColumns });
            return;
          }
          setResult({ outcome: out, refusal: null });
          onDone();
        } catch (e) {
          const outcome = (e as AppError).details as { outcome?: Outcome } | undefined;
          if (e instanceof AppError && outcome?.outcome) setResult({ outcome: outcome.outcome, refusal: e.message });
          else throw e;
        }
      },
      // Any other refusal (not a register, a damaged file) stays in the same dialog.
      { onError: (message) => setResult({ outcome: null, refusal: message }) },
    );
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          void importFile(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy === 'import'}>
          {label}
        </Button>
      </Upload>
      {mapping && (
        <ColumnMapping
          unknown={mapping.unknown}
          columns={columns ?? []}
          onCancel={() => setMapping(null)}
          onImport={(choices) => {
            setMapping(null);
            void importFile(mapping.file, choices);
          }}
        />
      )}
      {result && <ImportResult result={result} unit={unit} year={year} onClose={() => setResult(null)} />}
    </>
  );
}

/**
 * What a register's dialog says after saving a record: where it went, when its date puts it in another year than the
 * one being viewed (it is not in the list the user is looking at).
 */
export function savedWhere(date: string, viewYear: number): string {
  const y = Number(date.slice(0, 4));
  return y === viewYear
    ? '已保存'
    : `已保存。日期在${y}年，记录列在${y}年的登记中（当前查看${viewYear}年）：在本页“统计年度”改为${y}可看到。`;
}
