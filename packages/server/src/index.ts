export { buildApp, API_VERSION, type AppOptions } from "./app.ts";
export { readConfig, type ServerConfig } from "./config.ts";
export { startServer, type RunningServer } from "./startServer.ts";
export { getOrganisationDetail } from "./services/organisationService.ts";
export { getProviderDetail } from "./services/providerService.ts";
export { createAdministrator, ensureInitialAdministrator } from "./services/accountService.ts";
export { runImport, type ImportActor, type ImportProgress } from "./import/importService.ts";
export {
  exportLandscapeList,
  exportLandscapeWorkbook,
  type ExportFile,
} from "./export/exportFiles.ts";
export { exportKommunenGeoJson, GeoJsonAttribute } from "./export/geoJsonExport.ts";
export { exportArchimate } from "./export/archimateExport.ts";
export { templateWorkbook } from "./export/templateWorkbook.ts";
export { LandscapeReader, todayInGermany } from "./services/landscapeService.ts";
export { buildScenarioModel, solveBuiltModel } from "./scenarios/runScenario.ts";
