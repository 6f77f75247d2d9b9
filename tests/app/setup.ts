import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { loadKatex } from '../../app/ui/typeset';

// KaTeX is loaded lazily in the app (app/ui/typeset.ts); the tests load it first, so an equation is
// typeset in the render that draws it (tests/app/ui/typesetLazy.node.test.ts covers the wait).
await loadKatex();

afterEach(() => cleanup());
