import type { SectionDef } from './registry';

/** Sections 1, 11, 12, 14, 15, 16: the network, why BN works, train vs eval, reading. */
export const NETWORK_SECTIONS: SectionDef[] = [];
