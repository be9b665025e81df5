import { Alert } from 'antd';
import { call } from '../../api/call';
import { useLoad } from '../../hooks';

/**
 * What the records contradict in the 自查报告's text or the 整改台账's closing words (selfcheck.contradictions),
 * shown above them so it is corrected before anything is exported and signed. `version` reloads it after a save.
 */
export function RecordChecks({ year, scope, version }: { year: number; scope: 'report' | 'ledger'; version: unknown }) {
  const checks = useLoad(() => call('selfcheck.contradictions', { year }), [year, version]);
  const found = (checks.data ?? []).filter((c) =>
    scope === 'report' ? c.where.startsWith('自查报告') : c.where.startsWith('整改台账'),
  );
  if (!found.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      aria-label="与记录不符"
      message={`有${found.length}处说法与记录不符，导出前请核实改正`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {found.map((c, i) => (
            <li key={i}>{c.message}</li>
          ))}
        </ul>
      }
    />
  );
}
