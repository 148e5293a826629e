// The import graph's rules, checked by `npm run lint:deps`: no circles (type-only imports count, since
// they tie the same modules together), archive/ free of Electron and React, and the renderer limited to
// the archive modules that run in a browser.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle makes modules that cannot be understood, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'archive-stays-portable',
      severity: 'error',
      comment: 'archive/ runs in Node, the CLI and the renderer worker: never Electron or React.',
      from: { path: '^archive/' },
      to: { path: '^node_modules/(electron|react|react-dom)/' },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      comment: 'The renderer is sandboxed: Node built-ins are not there.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-uses-browser-safe-archive',
      severity: 'error',
      comment:
        'The renderer may import the archive modules that run in a browser: the API declaration, the ' +
        'clipping model, messages and errors, search, and the plain option types of exports and backups.',
      from: { path: '^renderer/' },
      to: {
        path: '^archive/',
        pathNot: [
          '^archive/(api|api-methods|clipping|clipping-fields|clipping-records|errors|messages|progress|progress-message|ids|task-id)[.]ts$',
          '^archive/search/',
          '^archive/backup/(backup-info|repair-report|repair-report-lines)[.]ts$',
          '^archive/pdf/(options|export-request|limits)[.]ts$',
          '^archive/exports/formats[.]ts$',
        ],
      },
    },
    {
      name: 'main-is-not-imported',
      severity: 'error',
      comment: 'main/ is the Electron shell: nothing outside it may depend on it.',
      from: { pathNot: '^(main|tests)/' },
      to: { path: '^main/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    exclude: { path: '^(out|dist|node_modules)/' },
  },
};
