export * from "./testDatabase.ts";
export * from "./prepareTestTemplate.ts";
export * from "./useTestDatabase.ts";
