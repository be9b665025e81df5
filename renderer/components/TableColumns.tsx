import { Alert, Select, Space, Typography } from 'antd';
import type { CSSProperties } from 'react';
import {
  BASIS_LABELS,
  ROLE_CHOICES,
  type ColumnRole,
  type TableColumns as TableColumnsShape,
  type TableKind,
} from '../../shared/domain/table-columns';

const CELL: CSSProperties = { border: '1px solid #f0f0f0', padding: '4px 8px', verticalAlign: 'top' };

/**
 * A table of an imported file as the reader saw it: above each column, what the reader took it for (a select the user
 * can change) and how it decided; under it the table's first rows. Used by the 上级要点 and 考核细则 import previews;
 * a change is read again at once by the caller (`onChange`).
 */
export function TableColumnsEditor({
  table,
  kind,
  disabled,
  onChange,
}: {
  table: TableColumnsShape;
  kind: TableKind;
  disabled?: boolean;
  onChange(roles: ColumnRole[]): void;
}) {
  const choices = ROLE_CHOICES[kind];
  // Group (name) columns are levels in their order: say which.
  let level = 0;
  const levels = table.roles.map((r) => (r === 'group' ? ++level : 0));
  return (
    <div>
      {!table.found && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`没有认出${table.where}各列的内容`}
          description="请在每列上方选择这一列是什么（如“条目内容”“责任（牵头）单位”“分值”），选好后会立即按您的选择重新识别；同样表头的表格以后会自动沿用。"
        />
      )}
      {/* A plain table: the selects sit in its header once (a scrolling antd Table renders its header twice). */}
      <div style={{ overflowX: 'auto' }}>
        <table aria-label={`${table.where}的各列`} style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
          <thead>
            <tr>
              {table.headers.map((header, c) => {
                const name = header || `第${c + 1}列`;
                return (
                  <th
                    key={c}
                    style={{ ...CELL, background: '#fafafa', minWidth: 150, maxWidth: 240, textAlign: 'left' }}
                  >
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <Select
                        size="small"
                        style={{ width: '100%' }}
                        aria-label={`${name}（第${c + 1}列）的内容`}
                        value={table.roles[c]}
                        disabled={disabled}
                        options={choices.map((o) => ({ value: o.value, label: o.label }))}
                        onChange={(v: ColumnRole) => onChange(table.roles.map((r, k) => (k === c ? v : r)))}
                      />
                      <Typography.Text strong ellipsis={{ tooltip: name }}>
                        {name}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                        {levels[c] ? `第${levels[c]}级 · ` : ''}
                        {BASIS_LABELS[table.basis[c]]}
                      </Typography.Text>
                    </Space>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.sample.length === 0 && (
              <tr>
                <td colSpan={table.headers.length} style={CELL}>
                  <Typography.Text type="secondary">表头下面没有内容</Typography.Text>
                </td>
              </tr>
            )}
            {table.sample.map((row, r) => (
              <tr key={r}>
                {row.map((text, c) => (
                  <td key={c} style={{ ...CELL, maxWidth: 240 }}>
                    <Typography.Text
                      style={{ fontSize: 12 }}
                      type={table.roles[c] === 'ignore' ? 'secondary' : undefined}
                      ellipsis={{ tooltip: text }}
                    >
                      {text}
                    </Typography.Text>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
