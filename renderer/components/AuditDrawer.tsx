import { Button, Drawer, Timeline, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { AuditEntry } from '../../shared/domain/audit';
import { formatChineseDateTime } from '../../shared/domain/date-text';
import { call } from '../api/call';

const ACTION_LABELS: Record<AuditEntry['action'], string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  restore: '恢复',
};

// Field names in the audit trail are code names; show the office's words where we know them.
const FIELD_LABELS: Record<string, string> = {
  name: '名称/姓名',
  fullName: '单位全称',
  shortName: '单位简称',
  region: '所属地区',
  head: '负责人',
  leader: '分管领导',
  contact: '联系人',
  phone: '电话',
  departmentId: '科室',
  department: '科室',
  title: '职务',
  status: '状态',
  note: '备注',
  active: '启用',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * "修改记录" button: who changed what and when, for one record (or a whole kind of record). The drawer is titled as the
 * button is labelled (恢复与接管记录 opens 恢复与接管记录), unless `title` names it more fully than a short label does.
 */
export function AuditButton({
  entity,
  entityId,
  label = '修改记录',
  title = label,
}: {
  entity: string;
  entityId?: number;
  label?: string;
  title?: string;
}) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openDrawer = async () => {
    // Show this record's trail afresh, not what an earlier opening left behind.
    setEntries(null);
    setError(null);
    setOpen(true);
    try {
      setEntries(await call('audit.list', { entity, entityId, limit: 200 }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      {/* Reading the history changes nothing: usable in a read-only window too (App.tsx disables the rest). */}
      <Button size="small" type="link" icon={<HistoryOutlined />} onClick={openDrawer} disabled={false}>
        {label}
      </Button>
      <Drawer title={title} open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {entries && entries.length === 0 && <Typography.Text type="secondary">暂无{title}。</Typography.Text>}
        {entries && entries.length > 0 && (
          <Timeline
            items={entries.map((e) => ({
              key: e.id,
              children: (
                <div>
                  <div>
                    <b style={{ marginRight: 8 }}>{ACTION_LABELS[e.action]}</b>
                    {e.summary}
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                    {/* The computer's login account, not a person of the staff list: named as what it is. */}
                    {formatChineseDateTime(e.at)}，电脑登录账户：{e.osUser}
                  </div>
                  {e.changes &&
                    Object.entries(e.changes).map(([k, c]) => (
                      <div key={k} style={{ fontSize: 12 }}>
                        {FIELD_LABELS[k] ?? k}：{show(c.from)} → {show(c.to)}
                      </div>
                    ))}
                </div>
              ),
            }))}
          />
        )}
      </Drawer>
    </>
  );
}
