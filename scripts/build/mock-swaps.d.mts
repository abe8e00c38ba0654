/** Types of mock-swaps.mjs (the module swaps of the mock API's browser builds). */
export declare function mockModuleSwap(root: string): (source: string, importer: string | undefined) => string | null;
