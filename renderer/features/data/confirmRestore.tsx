import { Alert, Checkbox, Descriptions, Space, Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import type { BackupContent } from '../../../shared/domain/backup';
import { formatChineseDateTime } from '../../../shared/domain/date-text';
import { DESTRUCTIVE_CONFIRM } from '../../components/destructive';

/** What the restore confirmation must name: whose data is replaced, by what, from when, holding what. */
export interface RestoreFacts {
  /** The backup or file the data comes from, as the user knows it. */
  source: string;
  /** When the backup was made (null for a picked file: its last change is shown instead). */
  date: string | null;
  content: BackupContent | null | undefined;
  /** Made from this very data file (identity), null when unknown. */
  sameFile: boolean | null | undefined;
  currentBureau: string | null;
  dbPath: string;
  /** How the backup holds less than the current data (from the service); empty or absent when it does not. */
  lessComplete?: string[];
}

/** Same rule as the service: another 单位's data (or none) over this 单位's, unless it is this file's own backup. */
export function isOtherBureau(f: RestoreFacts): boolean {
  return f.currentBureau !== null && f.sameFile !== true && (f.content?.bureauName ?? null) !== f.currentBureau;
}

export function contentText(c: BackupContent | null | undefined): string {
  if (!c) return '无法读取';
  const n = (v: number | null, unit: string) => (v === null ? `无${unit}` : `${v}`);
  return `实施方案 ${n(c.plans, '')} 个、任务 ${n(c.tasks, '')} 项、人员 ${n(c.staff, '')} 名`;
}

function Summary({ f }: { f: RestoreFacts }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="将被替换">
        {f.currentBureau ?? '（尚未设置单位）'}
        <Typography.Text type="secondary" style={{ display: 'block', wordBreak: 'break-all' }}>
          数据文件：{f.dbPath}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="恢复来源">
        <span style={{ wordBreak: 'break-all' }}>{f.source}</span>
      </Descriptions.Item>
      {f.date && <Descriptions.Item label="备份时间">{f.date}</Descriptions.Item>}
      <Descriptions.Item label="备份中的单位">
        {f.content ? (f.content.bureauName ?? '（尚未设置单位）') : '无法读取'}
      </Descriptions.Item>
      <Descriptions.Item label="备份中的内容">{contentText(f.content)}</Descriptions.Item>
      {f.content?.lastChange && <Descriptions.Item label="最后一次修改">{f.content.lastChange}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * Asks before a restore, naming the 单位, the data file, the backup's date and what it holds. A backup of another
 * 单位 needs an explicit tick before 确认恢复 is enabled. Resolves to the options for the call, or null if cancelled.
 */
export function askRestore(modal: HookAPI, f: RestoreFacts): Promise<{ confirmOtherBureau: boolean } | null> {
  const other = isOtherBureau(f);
  return new Promise((resolve) => {
    const dialog = modal.confirm({
      title: f.date ? `恢复到${formatChineseDateTime(f.date)}的备份？` : `用“${f.source}”中的数据替换当前数据？`,
      width: 600,
      content: (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Summary f={f} />
          {other && (
            <Alert
              type="error"
              showIcon
              title={`这是${f.content?.bureauName ? `“${f.content.bureauName}”` : '尚未设置单位'}的数据，不是本单位（${f.currentBureau}）的。`}
              description={
                <Checkbox
                  onChange={(e) => dialog.update({ okButtonProps: { danger: true, disabled: !e.target.checked } })}
                >
                  确认用其他单位的数据替换
                </Checkbox>
              }
            />
          )}
          {!other && f.sameFile === false && (
            <Alert
              type="info"
              showIcon
              title="这份备份不是由当前数据文件做的（可能来自另一台电脑或另一个数据文件），请核对单位和内容后再恢复。"
            />
          )}
          {f.lessComplete && f.lessComplete.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="这份备份比当前数据旧或少，恢复后当前数据中多出的内容将不在数据中"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {f.lessComplete.map((why) => (
                    <li key={why}>{why}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Text type="secondary">
            恢复前程序会完整校验备份，并自动把当前数据另存为“恢复前”备份，需要时可以再恢复回来。
          </Typography.Text>
        </Space>
      ),
      okText: '确认恢复',
      ...DESTRUCTIVE_CONFIRM,
      okButtonProps: { danger: true, disabled: other },
      onOk: () => resolve({ confirmOtherBureau: other }),
      onCancel: () => resolve(null),
    });
  });
}
