import { Card, Space, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { SETTINGS_CARDS } from '../../areas';

/** 设置: every area's settings cards. #/settings/<card key> opens it scrolled to that card (e.g. 'calendar'). */
export function SettingsScreen({ params }: { params: string[] }) {
  const focus = params[0];
  useEffect(() => {
    if (!focus) return;
    // After the cards have drawn their first content.
    const timer = setTimeout(
      () => document.getElementById(`settings-${focus}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
      100,
    );
    return () => clearTimeout(timer);
  }, [focus]);
  return (
    <div>
      <PageTitle title="设置">各项提醒和要求的参数。单位信息、科室和人员在“单位与人员”中修改。</PageTitle>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {SETTINGS_CARDS.map((s) => (
          <div key={s.key} id={`settings-${s.key}`}>
            {/* A card's code comes with the settings screen's first opening (area.ts lazyPart). */}
            <Suspense fallback={<Card loading />}>{s.render()}</Suspense>
          </div>
        ))}
        {SETTINGS_CARDS.length === 0 && (
          <Card>
            <Typography.Text type="secondary">暂无可调整的设置。</Typography.Text>
          </Card>
        )}
      </Space>
    </div>
  );
}
