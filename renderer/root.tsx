// The app's root: the providers every screen sits in (theme, locale, messages, the app status) around the app shell.
// One definition for the window's own render (main.tsx) and for the first screen the host draws (first-screen/draw.tsx),
// so the two are drawn alike.
import { StyleProvider, type createCache } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import type { AppStatus } from '../shared/ipc/contracts/foundation';
import { App } from './App';
import { AppStatusProvider } from './app-context';
import { tabNeverPicks, tabSkipsClearButtons } from './components/keyboard';

export function AppRoot({
  styles,
  first,
  status,
}: {
  styles: ReturnType<typeof createCache>;
  first?: Promise<AppStatus>;
  status?: AppStatus;
}) {
  return (
    <StrictMode>
      <StyleProvider cache={styles}>
        {/* Every select can be searched by typing its label (a select may still set its own showSearch). */}
        <ConfigProvider
          locale={zhCN}
          button={{ autoInsertSpace: false }}
          select={{ showSearch: { optionFilterProp: 'label' } }}
          theme={{ zeroRuntime: true, token: { fontSize: 14, colorPrimary: '#b4232a', borderRadius: 4 } }}
        >
          {/* Toasts below the header bar: at the very top they covered drawers' close buttons (and stayed while hovered). */}
          <AntApp message={{ top: 72, maxCount: 3 }}>
            <AppStatusProvider first={first} ready={status}>
              {/* display: contents keeps the layout as it was; the wrapper only listens (capture phase) for keys. */}
              <div
                style={{ display: 'contents' }}
                onKeyDownCapture={(e) => {
                  tabNeverPicks(e);
                  tabSkipsClearButtons(e);
                }}
              >
                <App />
              </div>
            </AppStatusProvider>
          </AntApp>
        </ConfigProvider>
      </StyleProvider>
    </StrictMode>
  );
}
