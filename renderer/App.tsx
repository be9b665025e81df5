import { Alert, ConfigProvider, Layout, Menu, Select, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { parseTypedYear, yearChoices } from '../shared/domain/years';
import { call } from './api/call';
import { useAppStatus } from './app-context';
import { AccessBanner } from './features/data/AccessBanner';
import { navigate, openingTab, requestLeave, useAction, useHashRoute } from './hooks';
import { ROUTES } from './areas';
import { lazyPart } from './area';
import { KeptScreens } from './kept-screens';

// The screens a file shows instead of the workstation (locked, damaged, not set up) are rare: their code (forms, tables,
// the restore dialog) is fetched only when one is shown, not on every start (issue 22).
const LockedScreen = lazyPart(() => import('./features/recovery/LockedScreen'), 'LockedScreen');
const ReplacedScreen = lazyPart(() => import('./features/recovery/LockedScreen'), 'ReplacedScreen');
const RecoveryScreen = lazyPart(() => import('./features/recovery/RecoveryScreen'), 'RecoveryScreen');
const SetupScreen = lazyPart(() => import('./features/setup/SetupScreen'), 'SetupScreen');

/** A window that cannot show the workstation says why (an Alert: it must show even when the host is gone). */
function Notice({ type, title, text }: { type: 'error' | 'info'; title: string; text: string }) {
  return (
    <div style={{ maxWidth: 640, margin: '80px auto' }}>
      <Alert type={type} showIcon message={title} description={text} />
    </div>
  );
}

function Waiting({ text }: { text?: string }) {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
      {text && <div style={{ marginTop: 12 }}>{text}</div>}
    </div>
  );
}

export function App() {
  return (
    <Suspense fallback={<Waiting />}>
      <AppScreen />
    </Suspense>
  );
}

function AppScreen() {
  const { status, loadError } = useAppStatus();
  if (loadError && !status) {
    return <Notice type="error" title="无法连接工作台" text={loadError} />;
  }
  if (!status) return <Waiting text="正在打开数据…" />;
  if (status.state === 'locked') return <LockedScreen />;
  if (status.state === 'replaced') return <ReplacedScreen />;
  if (status.state === 'damaged' || status.state === 'tooNew' || status.state === 'migrationFailed')
    return <RecoveryScreen />;
  if (status.state === 'setup') {
    // A file nobody has set up yet can only be set up where it is written.
    if (status.access.mode === 'read')
      return (
        <Notice
          type="info"
          title="数据文件尚未设置单位"
          text={`数据文件正由${status.access.writer ?? '另一处'}使用，请在那里完成首次设置后再查看。`}
        />
      );
    return <SetupScreen />;
  }
  return <Shell />;
}

/**
 * The header's year box: every year with data, the working year, this year and the next; any other year from
 * 2000 to 2100 can be typed ("2015" offers 2015年度).
 */
function YearSelect({
  year,
  dataYears,
  onChange,
}: {
  year: number;
  dataYears: number[];
  onChange: (y: number) => void;
}) {
  const [typed, setTyped] = useState('');
  const years = yearChoices(dataYears, year, new Date().getFullYear());
  const extra = parseTypedYear(typed);
  if (extra !== null && !years.includes(extra)) years.unshift(extra);
  return (
    <Select
      aria-label="工作年度"
      value={year}
      showSearch={{
        optionFilterProp: 'label',
        onSearch: setTyped,
        filterOption: (input, o) => String(o?.label ?? '').includes(input.replace(/年度?$/, '').trim()),
      }}
      options={years.map((y) => ({ value: y, label: `${y}年度` }))}
      onChange={(y) => {
        setTyped('');
        onChange(y);
      }}
      notFoundContent="请输入2000至2100之间的年份"
      style={{ width: 130 }}
    />
  );
}

function Shell() {
  const { status, refresh } = useAppStatus();
  const act = useAction();
  const [first, ...params] = useHashRoute();
  const route = ROUTES.find((r) => r.path === first) ?? ROUTES[0];
  const year = status!.year!;
  const readOnly = status!.access.mode === 'read';

  useEffect(() => {
    document.title = `政务公开工作台 — ${status!.bureau?.shortName ?? ''} ${year}年度`;
  }, [status, year]);
  // Another screen opens at its top, not scrolled to where the last one was.
  // (Braces: Chromium's scrollTo may return a promise, which React would take for a cleanup function.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.path]);

  const changeYear = (y: number) =>
    act(async () => {
      await call('app.setYear', { year: y });
      await refresh();
      return `已切换到 ${y} 年度`;
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#b4232a', paddingInline: 20 }}
      >
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          政务公开工作台
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.9)', whiteSpace: 'nowrap' }}>
          {status!.bureau?.fullName}
        </Typography.Text>
        {readOnly && <Tag color="gold">只读</Tag>}
        <div style={{ flex: 1 }} />
        <Space>
          <Typography.Text style={{ color: '#fff' }}>工作年度</Typography.Text>
          <YearSelect
            year={year}
            dataYears={status!.dataYears}
            onChange={(y) => requestLeave(() => void changeYear(y))}
          />
        </Space>
      </Layout.Header>
      <Layout>
        {/* The menu stays in view while a long page scrolls (it is a way out of every screen). */}
        <Layout.Sider
          width={190}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
        >
          <Menu
            mode="inline"
            selectedKeys={[route.path]}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={ROUTES.map((r) => ({ key: r.path, icon: r.icon, label: r.label }))}
            onClick={(e) => {
              const to = ROUTES.find((r) => r.path === e.key)!;
              navigate(to.tabs ? `${to.path}/${openingTab(to.path, to.tabs)}` : to.path);
            }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, background: '#f5f5f5', overflow: 'auto' }}>
          {status!.host === 'web' && status!.latestBackup === null && (
            <Alert
              type="info"
              showIcon
              closable
              style={{ marginBottom: 16 }}
              title="提示：数据保存在本机，建议定期在“数据与备份”中备份。"
            />
          )}
          <AccessBanner status={status!} />
          {/* Read-only (another copy writes the file): every input, button and upload of every screen and dialog is
              disabled here, in one place; the banner above and the header stay usable. */}
          <ConfigProvider componentDisabled={readOnly}>
            <KeptScreens
              screenKey={`${route.path}-${year}`}
              version={params.join('/')}
              screen={<route.Screen params={params} />}
            />
          </ConfigProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
