import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { loadKatex } from '../../app/ui/typeset';
import { drawChartsAtOnce } from '../../app/ui/chartTurns';

// KaTeX is loaded lazily in the app (app/ui/typeset.ts); the tests load it first, so an equation is
// typeset in the render that draws it (tests/app/ui/typesetLazy.node.test.ts covers the wait).
await loadKatex();
// Charts take turns to draw in the app (app/ui/chartTurns.ts); in the tests each draws in the render that mounts
// it (tests/app/ui/chartTurns.test.tsx covers the turns).
drawChartsAtOnce();

// findBy… and waitFor give up after 5 s instead of 1 s: on CI's two loaded cores a section that runs the
// engine on a Fashion-MNIST batch (the norm family's) once took longer than 1 s to show its numbers.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
