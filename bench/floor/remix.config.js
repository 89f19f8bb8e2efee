// The framework floor (issue 11, item 7): a bare Remix app built with the same classic compiler
// and settings as the app, so "signed-in page ÷ floor" compares the app with Remix itself.
// Built by `npm run bench` into bench/floor/build and bench/floor/public/build (gitignored).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
}
