// Dev-server plugins shared by the test runner (and the e2e server): exceljs's browser build is a UMD
// bundle that @web/dev-server cannot import as ESM, so we wrap it as a module with a default export.
export function exceljsAsEsm() {
  return {
    name: 'exceljs-as-esm',
    transform(context) {
      if (/\/exceljs\/dist\/exceljs(\.bare)?(\.min)?\.js$/.test(context.path)) {
        const body = typeof context.body === 'string' ? context.body : String(context.body);
        return {
          body:
            'const module = { exports: {} }; const exports = module.exports; const define = undefined;\n' +
            body +
            '\nexport default module.exports;\n',
        };
      }
      return undefined;
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
