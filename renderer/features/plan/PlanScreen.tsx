import { DownloadOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useRowsInViewFirst } from '../../components/BelowTheFold';
import { LazyTooltip } from '../../components/LazyTooltip';
import { hasRealDeadline, TASK_STATUSES, type PlanTask, type TaskStatus } from '../../../shared/domain/plan';
import { PLAN_EXPORT_KINDS } from '../../../shared/ipc/contracts/plan';
import { call } from '../../api/call';
import { useAppStatus, useYear } from '../../app-context';
import { EmptyHint } from '../../components/EmptyHint';
import { MoveButtons } from '../../components/MoveButtons';
import { openCalendarSettings } from '../../components/CalendarGapTag';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useAction, useDeliver, useLoad } from '../../hooks';
import { LightTag } from './common';
import { GenerateDialog } from './GenerateDialog';
import { MappingDialog } from './MappingDialog';
import { PlanInfoDialog } from './PlanInfoDialog';
import { LedgerRangeDialog, SectionAddDialog } from './PlanFormDialogs';
import { SectionsDialog } from './SectionsDialog';
import { TaskDrawer } from './TaskDrawer';
import { LIGHTS, LIGHT_LABELS, type Light } from '../../../shared/domain/lights';

const EXPORT_LABELS: Record<(typeof PLAN_EXPORT_KINDS)[number], string> = {
  'plan-docx': '实施方案（Word）',
  'tasks-xlsx': '重点任务分解表（Excel）',
  'tasks-docx': '重点任务分解表（Word，横向）',
  'ledger-xlsx': '工作台账（Excel）',
};

interface Filter {
  sectionId?: number;
  departmentId?: number;
  ownerId?: number;
  status?: TaskStatus;
  light?: Light;
  search: string;
}

/** A filter from the route #/plan/filter/<section=&status=&light=> (the home dashboard's charts open these). */
function filterFromRoute(params: string[]): Partial<Filter> {
  if (params[0] !== 'filter' || !params[1]) return {};
  const q = new URLSearchParams(decodeURIComponent(params[1]));
  const section = Number(q.get('section'));
  const status = q.get('status') as TaskStatus | null;
  const light = q.get('light') as Light | null;
  return {
    ...(Number.isInteger(section) && section > 0 ? { sectionId: section } : {}),
    ...(status && (TASK_STATUSES as readonly string[]).includes(status) ? { status } : {}),
    ...(light && (LIGHTS as readonly string[]).includes(light) ? { light } : {}),
  };
}

/** 实施方案与任务: the year's plan, its tasks with lights and filters, generation, exports. Route: #/plan[/task/<id>|/filter/<query>]. */
export function PlanScreen({ params }: { params: string[] }) {
  const year = useYear();
  const { refresh } = useAppStatus();
  const { modal } = AntApp.useApp();
  const act = useAction();
  const [filter, setFilter] = useState<Filter>(() => ({ search: '', ...filterFromRoute(params) }));
  const [searchText, setSearchText] = useState('');
  const [dialog, setDialog] = useState<'generate' | 'info' | 'sections' | 'mapping' | 'section' | 'ledger' | null>(
    null,
  );
  const [newTask, setNewTask] = useState(false);
  // The task list and what it is shown with, in one load: they answer together and the screen is drawn once. As two
  // loads, the screen's first opening drew it twice, and the list's answer waited behind the first drawing (≈ 50 ms).
  const loaded = useLoad(async () => {
    const [plan, departments, staff, calendar, coverage, list] = await Promise.all([
      call('plan.get', { year }),
      call('departments.list'),
      call('staff.list'),
      call('calendar.get', { year }),
      call('plan.coverage', { year }),
      call('tasks.list', { year }),
    ]);
    return { base: { plan, departments, staff, calendar, coverage }, list };
  }, [year]);
  const base = { data: loaded.data?.base, loading: loaded.loading, error: loaded.error, reload: loaded.reload };
  const tasks = { data: loaded.data?.list, loading: loaded.loading, reload: loaded.reload };
  const openTaskId = params[0] === 'task' && params[1] ? Number(params[1]) : null;

  const reloadAll = loaded.reload;

  const visible = useMemo(
    () =>
      (tasks.data ?? []).filter(
        (t) =>
          (filter.sectionId === undefined || t.sectionId === filter.sectionId) &&
          (filter.departmentId === undefined ||
            t.lead.some((d) => d.id === filter.departmentId) ||
            t.support.some((d) => d.id === filter.departmentId)) &&
          (filter.ownerId === undefined || t.owner?.id === filter.ownerId) &&
          (filter.status === undefined || t.status === filter.status) &&
          (filter.light === undefined || t.light === filter.light) &&
          (!filter.search || t.title.includes(filter.search) || t.measures.includes(filter.search)),
      ),
    [tasks.data, filter],
  );
  // The rows in view at 1366×768 are built first; the others follow once those are painted.
  const shownRows = useRowsInViewFirst(tasks.data && visible, 12);
  // The filters in force, in words: the list then says it shows only those tasks, and how many of all (as the 依申请
  // register does), rather than a total beside fewer rows.
  const filterWords = [
    filter.sectionId !== undefined &&
      `章节为“${base.data?.plan?.sections.find((x) => x.id === filter.sectionId)?.title ?? '（已删除）'}”`,
    filter.departmentId !== undefined &&
      `科室为“${base.data?.departments.find((d) => d.id === filter.departmentId)?.name ?? ''}”`,
    filter.ownerId !== undefined && `责任人为“${base.data?.staff.find((x) => x.id === filter.ownerId)?.name ?? ''}”`,
    filter.status !== undefined && `状态为“${filter.status}”`,
    filter.light !== undefined && `预警为“${LIGHT_LABELS[filter.light]}”`,
    filter.search && `含“${filter.search}”`,
  ].filter((w): w is string => !!w);
  const unmapped = useMemo(() => [...new Set((tasks.data ?? []).flatMap((t) => t.unmappedUnits))], [tasks.data]);
  const withoutLead = useMemo(() => (tasks.data ?? []).filter((t) => !t.lead.length), [tasks.data]);
  const [selected, setSelected] = useState<number[]>([]);
  const [leadFor, setLeadFor] = useState<number | undefined>();
  const setLead = () =>
    act(async () => {
      if (!leadFor || !selected.length) return;
      const r = await call('tasks.setLead', { ids: selected, departmentId: leadFor });
      setSelected([]);
      setLeadFor(undefined);
      await tasks.reload();
      return `已为 ${r.updated} 项任务设置牵头科室`;
    });
  // Each section's tasks in order (unfiltered): moving a task swaps it with its neighbour in its section.
  const sectionTaskIds = useMemo(() => {
    const m = new Map<number, number[]>();
    for (const t of tasks.data ?? []) {
      const ids = m.get(t.sectionId);
      if (ids) ids.push(t.id);
      else m.set(t.sectionId, [t.id]);
    }
    return m;
  }, [tasks.data]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
    for (const t of tasks.data ?? []) c[t.light]++;
    return c;
  }, [tasks.data]);

  const moveTask = async (sectionId: number, ids: number[]) => {
    await act(() => call('tasks.reorder', { sectionId, ids }).then(() => undefined));
    // Also after a refusal: the list shows the order as it now is.
    await tasks.reload();
  };

  const save = useDeliver();
  const exportDoc = (kind: (typeof PLAN_EXPORT_KINDS)[number], range?: { from: string; to: string }) =>
    save(() => call('plan.export', { kind, year, ...range }));

  const copyForward = () => {
    modal.confirm({
      title: `以${year - 1}年方案为基础建立${year}年方案？`,
      content: `复制章节、任务、科室和责任人，完成时限顺延一年；任务中写的“${year - 1}年”“${year - 2}年度”等年份随之改为“${year}年”“${year - 1}年度”；上年度结转任务只保留${year - 1}年底仍未完成的；方案开头只引用${year}年已导入的上级文件；状态、进展和要点对应从头开始。`,
      okText: '复制',
      cancelText: '取消',
      onOk: () =>
        act(async () => {
          await call('plan.copyForward', { fromYear: year - 1, toYear: year });
          const imported = await call('points.documents', { year });
          await reloadAll();
          // The opening cites no document the office has not imported: say so, the office may cite it later.
          return imported.length
            ? '已复制上年方案'
            : `已复制上年方案。${year}年的上级工作要点尚未导入，方案开头未引用上级文件；导入后可在方案开头补充引用。`;
        }),
    });
  };

  const addSection = () => setDialog('section');

  const loadDemo = () =>
    act(async () => {
      const r = await call('demo.load');
      modal.success({
        title: '已载入示例数据',
        okText: '知道了',
        content: (
          <div>
            {r.summary.map((s) => (
              <div key={s}>{s}</div>
            ))}
          </div>
        ),
      });
      await refresh();
      await reloadAll();
    });

  const b = base.data;
  const plan = b?.plan ?? null;
  const hasTasks = (tasks.data?.length ?? 0) > 0;
  const emptyDb = b && b.departments.length === 0 && b.staff.length === 0;

  return (
    <div>
      <PageTitle
        title="实施方案与任务"
        extra={
          <Space wrap>
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setDialog('generate')}>
              从上级要点生成
            </Button>
            {plan && <Button onClick={() => setDialog('info')}>方案信息</Button>}
            {plan && (
              <Button icon={<PlusOutlined />} onClick={addSection}>
                新增章节
              </Button>
            )}
            {plan && plan.sections.length > 0 && <Button onClick={() => setDialog('sections')}>章节</Button>}
            {plan && plan.sourceDocumentIds.length > 0 && (
              <Button onClick={() => setDialog('mapping')}>单位对应</Button>
            )}
            {plan && plan.sections.length > 0 && (
              <Button icon={<PlusOutlined />} onClick={() => setNewTask(true)}>
                新增任务
              </Button>
            )}
            <Dropdown
              disabled={!hasTasks}
              menu={{
                items: [
                  ...PLAN_EXPORT_KINDS.map((k) => ({ key: k, label: EXPORT_LABELS[k] })),
                  { key: 'ledger-range', label: '工作台账（按日期范围）…' },
                ],
                onClick: (e) =>
                  e.key === 'ledger-range'
                    ? setDialog('ledger')
                    : exportDoc(e.key as (typeof PLAN_EXPORT_KINDS)[number]),
              }}
            >
              <Button icon={<DownloadOutlined />}>导出</Button>
            </Dropdown>
          </Space>
        }
      >
        {plan ? plan.title : `${year}年度`}
      </PageTitle>
      {base.error && <Alert type="error" showIcon title={base.error} style={{ marginBottom: 12 }} />}
      {b?.calendar.warning && (
        <Alert
          type="warning"
          showIcon
          title={b.calendar.warning}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={openCalendarSettings}>
              去设置
            </Button>
          }
        />
      )}
      {b && b.coverage.gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${b.coverage.gaps.length} 条上级要点还没有任务落实（共 ${b.coverage.total} 条）`}
          description={
            <div aria-label="未落实的要点">
              {b.coverage.gaps.slice(0, 20).map((g) => (
                <div key={g.id}>
                  {g.label} {g.title}
                </div>
              ))}
            </div>
          }
        />
      )}
      {unmapped.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${unmapped.length} 个上级单位还没有对应到本单位科室，相关任务已保留这些单位`}
          description={unmapped.slice(0, 15).join('、')}
          action={
            <Button size="small" onClick={() => setDialog('mapping')}>
              单位对应
            </Button>
          }
        />
      )}
      {withoutLead.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${withoutLead.length} 项任务还没有牵头科室`}
          description="勾选这些任务后，可在表格上方“设置牵头科室”一次设置；也可以点开任务逐项设置。"
          action={
            <Button size="small" onClick={() => setSelected(withoutLead.map((t) => t.id))}>
              全部勾选
            </Button>
          }
        />
      )}
      {!base.loading && !tasks.loading && !plan && (
        <Card>
          <EmptyHint
            title={`${year}年还没有实施方案`}
            hint="可以从已导入的上级要点一键生成，也可以复制上年方案，或新建空白方案后逐项添加任务。"
            action={
              <Space wrap>
                <Button type="primary" onClick={() => setDialog('generate')}>
                  从上级要点生成
                </Button>
                <Button onClick={copyForward}>复制{year - 1}年方案</Button>
                <Button onClick={addSection}>新建空白方案</Button>
                {emptyDb && <Button onClick={loadDemo}>载入示例数据</Button>}
              </Space>
            }
          />
        </Card>
      )}
      {plan && (
        <Card>
          <Space wrap style={{ marginBottom: 12 }}>
            {filter.sectionId !== undefined && (
              <Tag closable onClose={() => setFilter({ ...filter, sectionId: undefined })} color="processing">
                章节：{plan.sections.find((x) => x.id === filter.sectionId)?.title ?? '（已删除）'}
              </Tag>
            )}
            <Select
              aria-label="按科室筛选"
              allowClear
              placeholder="科室"
              style={{ width: 160 }}
              value={filter.departmentId}
              options={(b?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(v) => setFilter({ ...filter, departmentId: v })}
            />
            <Select
              aria-label="按责任人筛选"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="责任人"
              style={{ width: 140 }}
              value={filter.ownerId}
              options={(b?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
              onChange={(v) => setFilter({ ...filter, ownerId: v })}
            />
            <Select
              aria-label="按状态筛选"
              allowClear
              placeholder="状态"
              style={{ width: 120 }}
              value={filter.status}
              options={TASK_STATUSES.map((s) => ({ value: s, label: s }))}
              onChange={(v) => setFilter({ ...filter, status: v })}
            />
            <Select
              aria-label="按预警筛选"
              allowClear
              placeholder="预警"
              style={{ width: 140 }}
              value={filter.light}
              options={LIGHTS.map((l) => ({ value: l, label: `${LIGHT_LABELS[l]}（${counts[l]}）` }))}
              onChange={(v) => setFilter({ ...filter, light: v })}
            />
            <Input.Search
              aria-label="搜索任务"
              allowClear
              placeholder="搜索任务"
              style={{ width: 200 }}
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              onSearch={(v) => setFilter({ ...filter, search: v.trim() })}
            />
            {selected.length > 0 && (
              <Space.Compact>
                <Select
                  aria-label="设置牵头科室"
                  showSearch
                  optionFilterProp="label"
                  placeholder={`为已选 ${selected.length} 项设置牵头科室`}
                  style={{ width: 220 }}
                  value={leadFor}
                  onChange={setLeadFor}
                  options={(b?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
                />
                <Button type="primary" disabled={!leadFor} onClick={() => void setLead()}>
                  设置牵头科室
                </Button>
              </Space.Compact>
            )}
            <Typography.Text type="secondary">
              方案共 {tasks.data?.length ?? 0} 项：<Tag color="red">逾期 {counts.overdue}</Tag>
              <Tag color="orange">即将到期 {counts.dueSoon}</Tag>
              <Tag color="blue">已完成 {counts.done}</Tag>
            </Typography.Text>
          </Space>
          {hasTasks && filterWords.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`仅显示${filterWords.join('、')}的任务：${visible.length} 项（共 ${tasks.data?.length ?? 0} 项）`}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    setFilter({ search: '' });
                    setSearchText('');
                  }}
                >
                  显示全部
                </Button>
              }
            />
          )}
          {!hasTasks && !tasks.loading && (
            <EmptyHint
              title="方案中还没有任务"
              hint={
                plan.sections.length
                  ? '点“新增任务”逐项添加，或“从上级要点生成”。'
                  : '先“新增章节”，再添加任务；或“从上级要点生成”。'
              }
            />
          )}
          {hasTasks && (
            <Table<PlanTask>
              size="small"
              rowKey="id"
              loading={tasks.loading}
              dataSource={shownRows}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              // Every column fits the table's width at 1366×768 (no sideways scrolling, whose bar sat below the fold
              // and whose fixed columns hid 责任人, 完成时限 and 状态): the task's words take what the others leave,
              // long cells end in "…" with the whole text on hover, and the row opens the task with everything.
              tableLayout="fixed"
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                columnWidth: 32,
              }}
              // A click on the selection box selects; anywhere else on the row opens the task.
              onRow={(t) => ({
                onClick: (e) => {
                  if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) navigate(`plan/task/${t.id}`);
                },
                style: { cursor: 'pointer' },
              })}
              columns={[
                {
                  title: '序号',
                  width: 92,
                  render: (_, t) => {
                    const ids = sectionTaskIds.get(t.sectionId) ?? [];
                    return (
                      <Space size={2}>
                        <span style={{ display: 'inline-block', minWidth: 22 }}>{t.seq}</span>
                        <MoveButtons
                          ids={ids}
                          index={ids.indexOf(t.id)}
                          onMove={(next) => void moveTask(t.sectionId, next)}
                        />
                      </Space>
                    );
                  },
                },
                {
                  title: '工作任务',
                  dataIndex: 'title',
                  ellipsis: true,
                  render: (v: string, t) => <a href={`#/plan/task/${t.id}`}>{v}</a>,
                },
                { title: '章节', dataIndex: 'sectionTitle', width: 96, ellipsis: true },
                {
                  title: '牵头科室',
                  width: 104,
                  ellipsis: true,
                  render: (_, t) => (
                    <>
                      {t.lead.length ? t.lead.map((d) => d.name).join('、') : <Tag color="red">无牵头科室</Tag>}
                      {t.unmappedUnits.length > 0 && (
                        <Tag color="gold" style={{ marginLeft: 4 }}>
                          {t.unmappedUnits.length}个单位待对应
                        </Tag>
                      )}
                    </>
                  ),
                },
                { title: '责任人', width: 68, ellipsis: true, render: (_, t) => t.owner?.name ?? '' },
                {
                  title: '完成时限',
                  width: 104,
                  ellipsis: true,
                  render: (_, t) =>
                    hasRealDeadline(t.deadline) ? (
                      t.deadlineLabel
                    ) : (
                      <LazyTooltip
                        title={
                          t.deadline.text
                            ? `上级文件写的是“${t.deadline.text}”，没有具体时限，请在任务中设置或确认“持续推进”`
                            : '上级文件没有写明时限，请在任务中设置或确认“持续推进”'
                        }
                      >
                        <Tag color="orange">未定时限</Tag>
                      </LazyTooltip>
                    ),
                },
                { title: '状态', dataIndex: 'status', width: 64 },
                {
                  title: '预警',
                  width: 124,
                  render: (_, t) => (
                    <LightTag light={t.light} daysLeft={t.workingDaysLeft} calendarWarning={t.calendarWarning} />
                  ),
                },
                { title: '最新进展', dataIndex: 'latestProgress', width: 150, ellipsis: true },
              ]}
            />
          )}
        </Card>
      )}
      {b && (
        <GenerateDialog
          year={year}
          open={dialog === 'generate'}
          hasTasks={hasTasks}
          departments={b.departments}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void reloadAll();
          }}
        />
      )}
      {plan && b && (
        <MappingDialog
          plan={plan}
          open={dialog === 'mapping'}
          departments={b.departments}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void reloadAll();
          }}
        />
      )}
      {dialog === 'section' && (
        <SectionAddDialog year={year} onClose={() => setDialog(null)} onDone={() => base.reload()} />
      )}
      {dialog === 'ledger' && <LedgerRangeDialog year={year} onClose={() => setDialog(null)} />}
      {plan && (
        <SectionsDialog
          plan={plan}
          open={dialog === 'sections'}
          onClose={() => setDialog(null)}
          onChanged={() => void reloadAll()}
        />
      )}
      {plan && (
        <PlanInfoDialog
          plan={plan}
          open={dialog === 'info'}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void base.reload();
          }}
        />
      )}
      {plan && b && (
        <TaskDrawer
          year={year}
          plan={plan}
          departments={b.departments}
          staff={b.staff}
          taskId={newTask ? 'new' : openTaskId}
          onClose={() => {
            setNewTask(false);
            if (openTaskId) navigate('plan');
          }}
          onChanged={() => void reloadAll()}
        />
      )}
    </div>
  );
}
