/**
 * How Charter's browser tests and benchmarks start Chromium: Debian's build (no browser
 * download), headless, and with the background networking that this machine's closed network
 * would refuse turned off.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
