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
