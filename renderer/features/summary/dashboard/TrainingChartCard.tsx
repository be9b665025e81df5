import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useYear } from '../../../app-context';
import { trainingMonthsOption } from '../../../../shared/domain/charts';
import { EChart, type ChartOption } from '../../../components/EChart';
import { navigate, useLoad } from '../../../hooks';
import { figureNumber, loadDashboard } from './data';
import { formatFigureValue } from '../../../../shared/domain/summary-figures';

/** Trainings held per month (count and hours); a bar opens the training ledger. */
export function TrainingChartCard() {
  const year = useYear();
  const d = useLoad(() => loadDashboard(year), [year]);
  const t = d.data?.trainings;
  // The year's totals as the registry counts them (the 总结's 培训 paragraph quotes the same figures).
  const count = figureNumber(d.data, 'training.count') ?? 0;
  const special = figureNumber(d.data, 'training.special') ?? 0;
  const hours = figureNumber(d.data, 'training.hours') ?? 0;
  const attendance = figureNumber(d.data, 'training.attendance') ?? 0;
  // The same chart as the 工作总结's 附件 picture (shared/domain/charts.ts).
  const option = useMemo(() => trainingMonthsOption(t?.months ?? []) as ChartOption, [t]);
  return (
    <Card
      title="培训与学时"
      style={{ height: '100%' }}
      extra={
        <Button type="link" onClick={() => navigate('training')}>
          打开培训台账
        </Button>
      }
      loading={d.loading}
    >
      {d.error && <Typography.Text type="danger">{d.error}</Typography.Text>}
      {t && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {count
              ? `本年度已举办 ${count} 次（专题培训 ${special} 次），共 ${formatFigureValue(hours)} 学时，参训 ${attendance} 人次。`
              : '本年度还没有已举办的培训，可在“培训”中登记。'}
          </Typography.Text>
          <EChart
            label={`各月培训：共${count}次、${formatFigureValue(hours)}学时`}
            option={option}
            height={176}
            onPick={() => navigate('training')}
          />
        </>
      )}
    </Card>
  );
}
