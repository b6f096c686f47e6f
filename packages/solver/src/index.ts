// The optimiser package; its model builder and HiGHS adapter land with the consolidation issue.
export {};
