/**
 * The architecture's boundaries, checked in `npm test` (`npm run lint:deps`). Type-only imports count:
 * a cycle through types is still a knot a reader has to untie.
 *
 *   src/ (engine) ← app/outline.ts ← app/state/ ← app/{ui,notebook,lab,presentation,shell}/
 *
 * app/ui/ is generic: it takes props and never reads the store or a feature. app/worker/ (running a
 * job in a Worker: the driver, transports, the resumable job's session and control) imports only the engine.
 */
const VIEWS = '^app/(notebook|lab|presentation|ui|shell)/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles in app/ or src/.', from: {}, to: { circular: true } },
    {
      name: 'engine-by-module',
      severity: 'error',
      comment: "The notebook imports the engine's modules by name, never its barrel (src/index.ts): the barrel's `export *` puts every engine module in the first page's import graph, and the code its lazily loaded parts use lands in the first download.",
      from: { path: '^app/' },
      to: { path: '^src/index\\.ts$' },
    },
    { name: 'src-is-pure', severity: 'error', comment: 'The engine never imports the notebook.', from: { path: '^src/' }, to: { path: '^app/' } },
    { name: 'outline-is-data', severity: 'error', comment: 'The outline imports nothing from app/.', from: { path: '^app/outline\\.ts$' }, to: { path: '^app/' } },
    { name: 'state-below-views', severity: 'error', comment: 'The state imports only the outline and the engine.', from: { path: '^app/state/' }, to: { path: VIEWS } },
    { name: 'ui-is-generic', severity: 'error', comment: 'Generic components never read the store or a feature.', from: { path: '^app/ui/' }, to: { path: '^app/(state|notebook|lab|presentation|shell)/' } },
    { name: 'worker-is-generic', severity: 'error', comment: 'Running a job in a Worker knows no feature: it imports only the engine.', from: { path: '^app/worker/' }, to: { path: '^app/(?!worker/)' } },
    { name: 'features-apart', severity: 'error', comment: 'The lab and the presentation do not reach into the sections.', from: { path: '^app/(lab|presentation)/' }, to: { path: '^app/notebook/(?!registry|sectionView)' } },
    { name: 'notebook-not-shell', severity: 'error', comment: 'Sections do not reach into the page around them.', from: { path: '^app/(notebook|lab|ui)/' }, to: { path: '^app/(shell|presentation)/' } },
    {
      name: 'pure-view-models',
      severity: 'error',
      comment: 'View-models (*View.ts, the lab model) and the state URL codec are plain functions: no React, no hook files.',
      from: { path: '(^app/notebook/[^/]+/(?!use)[a-z][A-Za-z]*View\\.ts$|^app/lab/model/|^app/state/url/|^app/outline\\.ts$)' },
      to: { path: '(^node_modules/(react|react-dom|recharts)/|/use[A-Z][A-Za-z]*\\.tsx?$)' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.css$' },
  },
};
