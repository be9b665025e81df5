// Debian's Chromium, started the same way by everything here that drives a browser (Playwright's own browser cannot be
// downloaded on these machines): the e2e tests (playwright.config.ts), `npm run bench -- startup` and the README's
// screenshot (scripts/screenshot-home.ts).
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** The usual office screen: every screen and dialog must fit it. */
export const OFFICE_SCREEN = { width: 1366, height: 768 };
