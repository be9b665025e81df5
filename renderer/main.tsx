import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppStatusProvider } from './app-context';
import { tabNeverPicks } from './components/keyboard';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Every select can be searched by typing its label (a select may still set its own showSearch). */}
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      select={{ showSearch: { optionFilterProp: 'label' } }}
      theme={{ token: { fontSize: 14, colorPrimary: '#b4232a', borderRadius: 4 } }}
    >
      {/* Toasts below the header bar: at the very top they covered drawers' close buttons (and stayed while hovered). */}
      <AntApp message={{ top: 72, maxCount: 3 }}>
        <AppStatusProvider>
          {/* display: contents keeps the layout as it was; the wrapper only listens (capture phase) for keys. */}
          <div style={{ display: 'contents' }} onKeyDownCapture={tabNeverPicks}>
            <App />
          </div>
        </AppStatusProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
