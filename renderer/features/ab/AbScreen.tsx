import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Drawer, Dropdown, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  type AbRole,
  type Change,
  type Holder,
  type Holding,
  type PendingHolder,
  type Post,
} from '../../../shared/domain/ab';
import type { TeamExportKind } from '../../../shared/ipc/contracts/team';
import { call } from '../../api/call';
import { CalendarGapTag } from '../../components/CalendarGapTag';
import { DeleteButton } from '../../components/DeleteButton';
import { deleteDescription } from '../../components/destructive';
import { AuditButton } from '../../components/AuditDrawer';
import { EmptyHint } from '../../components/EmptyHint';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useAction, useDeliver, useLoad } from '../../hooks';
import { todayIso } from '../../components/DateField';
import { AbImportButton } from './AbImportButton';
import { WarningList } from './WarningList';
import {
  AbsenceDialog,
  AsOfExportDialog,
  AssignDialog,
  ChangeDialog,
  CorrectStartDialog,
  EndHoldingDialog,
  FilingDialog,
  PostDialog,
} from './dialogs';
import { summariseWarnings } from '../../../shared/domain/ab-warnings';
import { formatChineseDate, formatChineseDateRange } from '../../../shared/domain/date-text';

type Dialog =
  | { kind: 'assign'; post: Post; role: AbRole }
  | { kind: 'change'; post: Post; role: AbRole }
  | { kind: 'filing'; change: Change }
  | { kind: 'absence' }
  | { kind: 'post'; post: Post | null }
  | { kind: 'end'; post: Post; role: AbRole }
  | { kind: 'export'; format: 'ab-xlsx' | 'ab-docx' }
  | { kind: 'correct'; post: Post; holding: Holding }
  | null;

export function useTeamExport() {
  const save = useDeliver();
  return (kind: TeamExportKind, args: { id?: number; year?: number; date?: string } = {}) =>
    save(() => call('team.export', { kind, ...args }));
}

/** A holder who takes over after today (a change dated in the future). */
function PendingTag({ next }: { next: PendingHolder | null }) {
  return next ? (
    <Tag color="purple">
      待生效：{next.name}（{formatChineseDate(next.startDate)}起）
    </Tag>
  ) : null;
}

function HolderCell({ h, acting, next }: { h: Holder | null; acting?: boolean; next: PendingHolder | null }) {
  if (!h)
    return (
      <Space size={4} wrap>
        <Tag color="red">空缺</Tag>
        <PendingTag next={next} />
      </Space>
    );
  return (
    <Space size={4} wrap>
      <PendingTag next={next} />
      <span>{h.name}</span>
      {h.departmentName && <Typography.Text type="secondary">{h.departmentName}</Typography.Text>}
      {h.staffStatus === '离岗' && <Tag color="red">已离岗</Tag>}
      {h.endDate && !next && <Tag color="gold">任至{formatChineseDate(h.endDate)}</Tag>}
      {h.awayUntil && (
        <Tag color="orange">
          {h.awayKind}至{h.awayUntil}
        </Tag>
      )}
      {acting && !h.awayUntil && <Tag color="blue">代岗中</Tag>}
    </Space>
  );
}

/** AB岗: posts with their A and B holders, changes with 交接 and 备案, absences, and the warnings. */
export function AbScreen() {
  const act = useAction();
  const [showInactive, setShowInactive] = useState(false);
  const data = useLoad(async () => {
    const [posts, warnings, changes, absences, staff, settings] = await Promise.all([
      call('ab.posts', { includeInactive: showInactive }),
      call('team.warnings'),
      call('ab.changes'),
      call('ab.absences', { from: todayIso().slice(0, 4) + '-01-01' }),
      call('staff.list'),
      call('team.settings'),
    ]);
    return { posts, warnings, changes, absences, staff, settings };
  }, [showInactive]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [historyOf, setHistoryOf] = useState<Post | null>(null);
  const history = useLoad(async () => (historyOf ? call('ab.history', { postId: historyOf.id }) : null), [historyOf]);
  const exportDoc = useTeamExport();
  const done = async () => {
    setDialog(null);
    await data.reload();
  };
  const d = data.data;

  return (
    <div>
      <PageTitle
        title="AB岗"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export', format: 'ab-xlsx' })}>
              导出设置表（Excel）
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => setDialog({ kind: 'export', format: 'ab-docx' })}>
              导出设置表（Word）
            </Button>
            <AbImportButton onImported={() => void data.reload()} />
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'post', post: null })}>
              新增岗位
            </Button>
          </Space>
        }
      >
        每个政务公开岗位设A岗和B岗；A岗不在岗时由B岗代为履行。人员变动要做好交接，并在变动后{' '}
        {d?.settings.filingWorkingDays ?? 5} 个工作日内报备案。
      </PageTitle>
      {data.error && <Alert type="error" showIcon message={data.error} style={{ marginBottom: 16 }} />}
      {d && d.staff.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="还没有人员"
          description={
            <span>
              请先在<a onClick={() => navigate('org')}>“单位与人员”</a>中添加人员，再设置AB岗。
            </span>
          }
        />
      )}
      {d && d.warnings.length > 0 && (
        <Card title="需要处理" size="small" style={{ marginBottom: 16 }}>
          <WarningList warnings={summariseWarnings(d.warnings, d.posts)} />
        </Card>
      )}

      <Card
        title="岗位设置"
        style={{ marginBottom: 16 }}
        extra={
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
            显示已停用岗位
          </Checkbox>
        }
      >
        <Table<Post>
          rowKey="id"
          size="middle"
          loading={data.loading}
          dataSource={d?.posts ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyHint title="还没有岗位" hint="点击“新增岗位”添加。" /> }}
          columns={[
            {
              title: '岗位',
              dataIndex: 'name',
              width: 180,
              render: (v: string, p) => (
                <Space size={4}>
                  <Typography.Text strong title={p.duties}>
                    {v}
                  </Typography.Text>
                  {!p.active && <Tag>已停用</Tag>}
                </Space>
              ),
            },
            { title: '岗位职责', dataIndex: 'duties', ellipsis: true },
            { title: 'A岗', width: 230, render: (_, p) => <HolderCell h={p.a} next={p.aNext} /> },
            {
              title: 'B岗',
              width: 230,
              render: (_, p) => <HolderCell h={p.b} acting={!!p.a?.awayUntil} next={p.bNext} />,
            },
            {
              title: '操作',
              width: 260,
              render: (_, p) => (
                <Space size={0} wrap>
                  {p.active && !p.a && !p.aNext && (
                    <Button size="small" type="link" onClick={() => setDialog({ kind: 'assign', post: p, role: 'A' })}>
                      设置A岗
                    </Button>
                  )}
                  {p.active && !p.b && !p.bNext && (
                    <Button size="small" type="link" onClick={() => setDialog({ kind: 'assign', post: p, role: 'B' })}>
                      设置B岗
                    </Button>
                  )}
                  {(p.a || p.b) && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setDialog({ kind: 'change', post: p, role: p.a ? 'A' : 'B' })}
                    >
                      人员变动
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => setHistoryOf(p)}>
                    历史
                  </Button>
                  <Dropdown
                    menu={{
                      items: [
                        { key: 'edit', label: '编辑岗位' },
                        ...(p.a ? [{ key: 'endA', label: `A岗卸任（${p.a.name}）` }] : []),
                        ...(p.b ? [{ key: 'endB', label: `B岗卸任（${p.b.name}）` }] : []),
                        p.active
                          ? { key: 'off', label: '停用岗位', disabled: !!(p.a || p.b) }
                          : { key: 'on', label: '重新启用' },
                      ],
                      onClick: async ({ key }) => {
                        if (key === 'edit') setDialog({ kind: 'post', post: p });
                        else if (key === 'endA' || key === 'endB')
                          setDialog({ kind: 'end', post: p, role: key === 'endA' ? 'A' : 'B' });
                        else {
                          await act(async () => {
                            await call('ab.setPostActive', { id: p.id, active: key === 'on' });
                            await data.reload();
                            return key === 'on' ? `已启用“${p.name}”` : `已停用“${p.name}”`;
                          });
                        }
                      },
                    }}
                  >
                    <Button size="small" type="link">
                      更多
                    </Button>
                  </Dropdown>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title="人员变动与备案" style={{ marginBottom: 16 }}>
        <Table<Change>
          rowKey="id"
          size="middle"
          loading={data.loading}
          dataSource={d?.changes ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <EmptyHint title="还没有人员变动" hint="岗位换人时，在岗位设置中点“人员变动”，一次填好交接和备案信息。" />
            ),
          }}
          columns={[
            { title: '岗位', render: (_, c) => `${c.postName}（${c.role}岗）` },
            { title: '变动', render: (_, c) => `${c.fromName ?? '（空缺）'} → ${c.toName}` },
            { title: '变动日期', dataIndex: 'changeDate', width: 110 },
            {
              title: '备案截止',
              width: 130,
              render: (_, c) => (
                <Space size={0} wrap>
                  <span>{c.filingDue}</span>
                  <CalendarGapTag warning={c.calendarWarning} />
                </Space>
              ),
            },
            {
              title: '备案',
              width: 300,
              render: (_, c) =>
                c.filedDate ? (
                  <span>
                    <Tag color="green">已备案</Tag>
                    {c.filedDate} {c.filedTo}
                    {c.filedDocNumber ? ` ${c.filedDocNumber}` : ''}
                  </span>
                ) : (
                  <Space size={4}>
                    <Tag color={c.filingDue < todayIso() ? 'red' : 'orange'}>
                      {c.filingDue < todayIso() ? '已逾期' : '待备案'}
                    </Tag>
                    <Button size="small" type="primary" onClick={() => setDialog({ kind: 'filing', change: c })}>
                      登记备案
                    </Button>
                  </Space>
                ),
            },
            {
              title: '文档',
              width: 190,
              render: (_, c) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => exportDoc('filing-docx', { id: c.id })}>
                    备案表
                  </Button>
                  <Button size="small" type="link" onClick={() => exportDoc('handover-docx', { id: c.id })}>
                    交接清单
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card
        title="不在岗登记"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'absence' })}>
            登记不在岗
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="middle"
          loading={data.loading}
          dataSource={d?.absences ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <EmptyHint title="本年度暂无不在岗登记" hint="A岗出差、学习、休假时在这里登记，B岗会显示为代岗。" />
            ),
          }}
          columns={[
            { title: '人员', dataIndex: 'name', width: 120 },
            { title: '类型', dataIndex: 'kind', width: 90 },
            { title: '时间', render: (_, a) => `${a.startDate} 至 ${a.endDate}` },
            { title: '备注', dataIndex: 'note', ellipsis: true },
            {
              title: '操作',
              width: 90,
              render: (_, a) => (
                <DeleteButton
                  title={`删除${a.name}${formatChineseDateRange(a.startDate, a.endDate)}的${a.kind}登记？`}
                  description={deleteDescription()}
                  onDelete={() => call('ab.deleteAbsence', { id: a.id })}
                  onDone={data.reload}
                />
              ),
            },
          ]}
        />
      </Card>

      {dialog?.kind === 'assign' && d && (
        <AssignDialog
          post={dialog.post}
          role={dialog.role}
          staff={d.staff}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'change' && d && (
        <ChangeDialog
          post={dialog.post}
          initialRole={dialog.role}
          staff={d.staff}
          filingDays={d.settings.filingWorkingDays}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'filing' && (
        <FilingDialog change={dialog.change} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'absence' && d && (
        <AbsenceDialog staff={d.staff} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'end' && (
        <EndHoldingDialog post={dialog.post} role={dialog.role} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'post' && <PostDialog post={dialog.post} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'export' && (
        <AsOfExportDialog
          onClose={() => setDialog(null)}
          onExport={(date) => {
            setDialog(null);
            void exportDoc(dialog.format, { date });
          }}
        />
      )}
      {dialog?.kind === 'correct' && (
        <CorrectStartDialog
          post={dialog.post}
          holding={dialog.holding}
          onClose={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            await Promise.all([data.reload(), history.reload()]);
          }}
        />
      )}

      <Drawer
        open={!!historyOf}
        width={520}
        title={historyOf ? `任职历史：${historyOf.name}` : ''}
        onClose={() => setHistoryOf(null)}
        extra={historyOf && <AuditButton entity="ab_post" entityId={historyOf.id} label="操作记录" />}
      >
        {history.data && (
          <>
            {(['A', 'B'] as const).map((role) => {
              const periods = history.data!.holdings.filter((h) => h.role === role);
              return (
                <div key={role} style={{ marginBottom: 16 }}>
                  <Typography.Title level={5}>{role}岗</Typography.Title>
                  {periods.length === 0 ? (
                    <Typography.Text type="secondary">暂无</Typography.Text>
                  ) : (
                    <Timeline
                      items={[...periods].reverse().map((h) => ({
                        color: h.startDate > todayIso() ? 'purple' : h.endDate ? 'gray' : 'green',
                        children: (
                          <span>
                            {h.name}：
                            {h.endDate
                              ? formatChineseDateRange(h.startDate, h.endDate)
                              : `${formatChineseDate(h.startDate)}至今`}
                            {h.startDate > todayIso() && (
                              <Tag color="purple" style={{ marginLeft: 6 }}>
                                待生效
                              </Tag>
                            )}
                            <Button
                              size="small"
                              type="link"
                              onClick={() => setDialog({ kind: 'correct', post: historyOf!, holding: h })}
                            >
                              更正开始日期
                            </Button>
                          </span>
                        ),
                      }))}
                    />
                  )}
                </div>
              );
            })}
          </>
        )}
      </Drawer>
    </div>
  );
}
