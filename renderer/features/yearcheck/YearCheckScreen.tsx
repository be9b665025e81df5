import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { FINDING_KINDS, type Finding } from '../../../shared/domain/yearcheck';
import { call } from '../../api/call';
import { useYear } from '../../app-context';
import { PageTitle } from '../../components/PageTitle';
import { navigate, useLoad } from '../../hooks';

const KIND_COLOR: Record<Finding['kind'], string> = {
  'figure-mismatch': 'red',
  'carry-over-mismatch': 'red',
  'claim-contradicted': 'volcano',
  'person-not-on-staff': 'orange',
  'left-staff-named': 'orange',
  placeholder: 'gold',
  'missing-contact': 'blue',
  'in-force-unexplained': 'purple',
  'in-force-unknown': 'purple',
  'negative-count': 'red',
  'table-check': 'magenta',
  'rectification-missing': 'orange',
};

/** Where each finding's link goes, as the button says it. */
const PLACES: Record<string, string> = {
  'disclosure/report': '年度报告',
  'disclosure/requests': '依申请公开',
  'disclosure/publications': '信息发布登记',
  summary: '年度总结',
  'selfcheck/report': '自查报告',
  'selfcheck/score': '自查评分',
  'selfcheck/ledger': '整改台账',
  org: '单位与人员',
  ab: 'AB岗',
  plan: '实施方案与任务',
};

/** The place a link opens, by its screen and tab ('selfcheck/ledger/2025/7' is the 整改台账). */
function placeOf(link: string): string {
  return PLACES[link] ?? PLACES[link.split('/').slice(0, 2).join('/')] ?? '';
}

/**
 * 年度核对 (#/yearcheck/<year>): every disagreement between the year's documents and its records before anything is
 * filed, each with a button to where it is fixed. Reached from the menu, 年度报告 and 年度总结.
 */
export function YearCheckScreen({ params }: { params: string[] }) {
  const working = useYear();
  const asked = Number(params[0]);
  const [year, setYear] = useState(Number.isInteger(asked) && asked >= 2000 ? asked : working);
  useEffect(() => {
    if (Number.isInteger(asked) && asked >= 2000) setYear(asked);
  }, [asked]);
  const [doc, setDoc] = useState<string | null>(null);
  const data = useLoad(() => call('yearcheck.findings', { year }), [year]);
  const findings = data.data?.findings ?? [];
  const docs = [...new Set(findings.flatMap((f) => f.documents))];
  const shown = doc ? findings.filter((f) => f.documents.includes(doc)) : findings;
  return (
    <div>
      <PageTitle
        title="年度核对"
        extra={
          <Space>
            核对年度
            <InputNumber
              aria-label="核对年度"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              addonAfter="年"
              style={{ width: 120 }}
            />
            <Button icon={<ReloadOutlined />} loading={data.loading} onClick={() => void data.reload()}>
              重新核对
            </Button>
          </Space>
        }
      >
        报送前核对年度报告、工作总结、自查报告和整改台账与各项登记是否一致：数字、表述、人员、占位文字、表二现行有效、跨年度结转。
        导出有问题的文档时会先列出这些问题。
      </PageTitle>
      {data.error && <Alert type="error" showIcon message={data.error} />}
      {data.data && !findings.length && !data.data.hasRecords && (
        <Alert
          type="info"
          showIcon
          message={`${year}年还没有可核对的登记和文档。`}
          description="请先在各页面登记本年度的工作（实施方案、信息发布、依申请公开、培训、自查整改），生成年度报告和工作总结后再来核对。"
        />
      )}
      {data.data && !findings.length && data.data.hasRecords && (
        <Alert
          type="success"
          showIcon
          message={`${year}年的文档与记录核对一致，没有发现问题。`}
          description="各文档可以导出报送；记录再有改动时，请回到这里重新核对。"
        />
      )}
      {findings.length > 0 && (
        <Card
          size="small"
          title={`发现 ${findings.length} 个问题`}
          extra={
            <Select
              aria-label="按文档筛选"
              allowClear
              placeholder="全部文档"
              style={{ width: 260 }}
              value={doc}
              onChange={(v) => setDoc(v ?? null)}
              options={docs.map((d) => ({ value: d, label: d }))}
            />
          }
        >
          <Table
            size="small"
            rowKey={(f) => `${f.kind}-${f.message}`}
            dataSource={shown}
            pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            aria-label="核对发现的问题"
            columns={[
              {
                title: '类别',
                key: 'kind',
                width: 130,
                render: (_, f) => <Tag color={KIND_COLOR[f.kind]}>{FINDING_KINDS[f.kind]}</Tag>,
              },
              { title: '涉及文档', key: 'documents', width: 200, render: (_, f) => f.documents.join('、') },
              { title: '问题', dataIndex: 'message', key: 'message' },
              {
                title: '',
                key: 'link',
                width: 150,
                render: (_, f) =>
                  f.link && (
                    <Button type="link" size="small" onClick={() => navigate(f.link!)}>
                      去{placeOf(f.link)}修改
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
