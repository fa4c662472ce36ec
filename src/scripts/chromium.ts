/**
 * Chromium's command-line flags for every headless run in the project (the e2e suite, the
 * benchmark, the profiler and the contact sheet): no sandbox or GPU here, and no network chatter
 * of the browser's own.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
