// Dev-server plugins shared by the test runner: exceljs's and papaparse's browser builds are UMD
// bundles that @web/dev-server cannot import as ESM, so we wrap them as modules with a default export.
// (Vite pre-bundles them itself; only the test runner needs this.)
const UMD_BUNDLES = [/\/exceljs\/dist\/exceljs(\.bare)?(\.min)?\.js$/, /\/papaparse\/papaparse(\.min)?\.js$/];

export function umdAsEsm() {
  return {
    name: 'umd-as-esm',
    transform(context) {
      if (!UMD_BUNDLES.some((re) => re.test(context.path))) return undefined;
      const body = typeof context.body === 'string' ? context.body : String(context.body);
      return {
        body:
          'const module = { exports: {} }; const exports = module.exports; const define = undefined;\n' +
          body +
          '\nexport default module.exports;\n',
      };
    },
  };
}

/** msw's worker script is in public/; under the test runner public/ is not served at the root. */
export function mswWorkerAtRoot() {
  return async (context, next) => {
    if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
    return next();
  };
}

/**
 * A hostile LMS answer for RestBackend's browser tests (test/backend/hostile-browser.test.ts):
 * `/__hostile/api/<anything>` answers 200 with a JSON body that never ends (16 KB pieces, at most 1 GB,
 * stopping when the page drops the connection); `/__hostile/stats` says how many bytes the last one wrote.
 */
export function hostileLms() {
  let written = 0;
  return async (context, next) => {
    if (context.path === '/__hostile/stats') {
      context.type = 'application/json';
      context.body = JSON.stringify({ written });
      return;
    }
    if (!context.path.startsWith('/__hostile/api/')) return next();
    const { Readable } = await import('node:stream');
    const { Buffer } = await import('node:buffer');
    const piece = Buffer.from('{"items":['.padEnd(16 * 1024, ' '));
    written = 0;
    let pieces = 0;
    context.status = 200;
    context.type = 'application/json';
    context.set('Cache-Control', 'no-store');
    context.body = new Readable({
      read() {
        if (pieces++ >= 65_536) return this.push(null);
        written += piece.length;
        this.push(piece);
      },
    });
  };
}
