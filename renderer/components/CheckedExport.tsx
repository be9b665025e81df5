import { App as AntApp, Typography } from 'antd';
import { useCallback } from 'react';
import type { DeliveredFile } from '../../shared/domain/files';
import { EXPORT_DOCUMENTS, FINDING_KINDS, type Finding } from '../../shared/domain/yearcheck';
import { call } from '../api/call';
import { navigate, useAction, useDeliver } from '../hooks';

/**
 * Exports a year document (年报, 总结, 自查报告, 整改台账/报告) the way the 核对 asks: the findings that concern it are
 * named first and the user confirms (仍然导出 / 取消); the export itself is never blocked, a draft may be needed.
 * Any other export goes straight through useDeliver. `before` runs first (e.g. saving the text on screen), so the
 * check reads what will be exported. Resolves when done or cancelled.
 */
export function useCheckedDeliver(): (
  kind: string,
  year: number,
  produce: () => Promise<DeliveredFile>,
  before?: () => Promise<unknown>,
) => Promise<void> {
  const deliver = useDeliver();
  const act = useAction();
  const { modal } = AntApp.useApp();
  return useCallback(
    async (kind, year, produce, before) => {
      let findings: Finding[] = [];
      // What the screen still holds (an edited text) is saved first, so the check reads what will be exported.
      const checked = await act(async () => {
        await before?.();
        if (EXPORT_DOCUMENTS[kind]) findings = (await call('yearcheck.forExport', { year, kind })).findings;
      });
      if (!checked) return;
      if (findings.length) {
        const go = await new Promise<boolean>((resolve) => {
          const m = modal.confirm({
            title: `${year}年${EXPORT_DOCUMENTS[kind]}有 ${findings.length} 项核对问题尚未解决`,
            width: 680,
            okText: '仍然导出',
            cancelText: '取消',
            content: (
              <div>
                <ol style={{ paddingInlineStart: 20, maxHeight: 320, overflowY: 'auto', margin: '8px 0' }}>
                  {findings.map((f) => (
                    <li key={`${f.kind}-${f.message}`} style={{ marginBottom: 4 }}>
                      <Typography.Text strong>【{FINDING_KINDS[f.kind]}】</Typography.Text>
                      {f.message}
                    </li>
                  ))}
                </ol>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  可以先导出作为草稿；正式报送前请逐项处理，
                  <a
                    onClick={() => {
                      m.destroy();
                      resolve(false);
                      navigate(`yearcheck/${year}`);
                    }}
                  >
                    打开年度核对
                  </a>
                  查看每项问题在哪里修改。
                </Typography.Paragraph>
              </div>
            ),
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        });
        if (!go) return;
      }
      await deliver(produce);
    },
    [act, deliver, modal],
  );
}
