// The first import of each of the page's workers: their global scope loses
// every way to make a request before any other code of theirs runs
// (network_lockdown.js). fetchOwn is the engine worker's way to its own .wasm.
import { lockDownNetwork } from './network_lockdown.js';

export const fetchOwn = lockDownNetwork(self);
