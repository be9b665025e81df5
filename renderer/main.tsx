import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppStatusProvider } from './app-context';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontSize: 14, colorPrimary: '#b4232a', borderRadius: 4 } }}>
      {/* Toasts below the header bar: at the very top they covered drawers' close buttons (and stayed while hovered). */}
      <AntApp message={{ top: 72, maxCount: 3 }}>
        <AppStatusProvider>
          <App />
        </AppStatusProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
