import { Alert, Button, Card, Form, Input, InputNumber, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { parseWorkingDayOverrides, type WorkingDayOverride } from '../../../shared/domain/working-days';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { useUnsavedLeave } from '../../components/unsaved';
import { useAction, useLoad } from '../../hooks';

function toText(overrides: WorkingDayOverride[]): string {
  return overrides
    .map((o) => `${o.date} ${o.kind === 'holiday' ? '休' : '班'}${o.note ? ` ${o.note}` : ''}`)
    .join('\n');
}

const SOURCE_LABELS = { package: '内置放假安排', overrides: '手工录入', none: '缺少放假安排' } as const;

/** 设置 → 工作日历: the due-soon working days, and holidays/调休 for years the built-in data does not know yet. */
export function CalendarSettingsCard() {
  const year = useYear();
  const act = useAction();
  const cal = useLoad(() => call('calendar.get', { year }), [year]);
  const [text, setText] = useState('');
  const [days, setDays] = useState<number>(5);
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    if (cal.data) {
      setText(toText(cal.data.overrides));
      setDays(cal.data.dueSoonDays);
    }
  }, [cal.data]);

  const save = async () => {
    const parsed = parseWorkingDayOverrides(text);
    setErrors(parsed.errors);
    if (parsed.errors.length) return false;
    return act(async () => {
      const { recounted } = await call('calendar.save', { overrides: parsed.overrides, dueSoonDays: days });
      await cal.reload();
      // Stored dates counted again on the new calendar (AB 备案 due dates): say which moved.
      if (!recounted.length) return '工作日历已保存';
      const shown = recounted.slice(0, 3).join('；');
      return `工作日历已保存。${shown}${recounted.length > 3 ? `；等共${recounted.length}项` : ''}。`;
    });
  };
  // A 放假安排 typed (or loaded from a file) but not saved: leaving the screen asks first.
  const dirty = !!cal.data && (text !== toText(cal.data.overrides) || days !== cal.data.dueSoonDays);
  useUnsavedLeave(dirty, save, '工作日历的修改');

  const d = cal.data;
  return (
    <Card title="工作日历与任务预警" loading={cal.loading}>
      {d && (
        <Typography.Paragraph type="secondary">
          内置{d.packageYears[0]}—{d.packageYears[1]}年国务院放假安排（含调休上班日）。
          {d.coverage.map((c) => `${c.year}年：${SOURCE_LABELS[c.source]}`).join('；')}。
        </Typography.Paragraph>
      )}
      {d?.warning && <Alert type="warning" showIcon title={d.warning} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="提前多少个工作日提示“即将到期”">
          <InputNumber aria-label="提前提示工作日数" min={1} max={60} value={days} onChange={(v) => setDays(v ?? 5)} />
        </Form.Item>
        <Form.Item
          label="自定放假与调休（每行一天或一段：日期 休/班 说明）"
          extra="例：2027-01-01 休 元旦；2027-02-06~2027-02-12 休 春节；2027-02-14 班 春节调休上班。录入某年任一放假日后，该年即按录入内容计算。"
        >
          <Input.TextArea
            aria-label="自定放假与调休"
            autoSize={{ minRows: 4, maxRows: 12 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title="有无法识别的行"
            description={errors.map((e) => (
              <div key={e}>{e}</div>
            ))}
            style={{ marginBottom: 12 }}
          />
        )}
        <Space>
          <Button type="primary" onClick={save}>
            保存工作日历
          </Button>
          <Upload
            accept=".txt"
            showUploadList={false}
            beforeUpload={async (f) => {
              setText(await f.text());
              return false;
            }}
          >
            <Button>从文本文件载入</Button>
          </Upload>
        </Space>
      </Form>
    </Card>
  );
}
