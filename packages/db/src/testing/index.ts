export * from "./testDatabase.ts";
export * from "./prepareTestTemplate.ts";
export * from "./useTestDatabase.ts";
export * from "./dropTestDatabase.ts";
export * from "./testDatabaseNames.ts";
