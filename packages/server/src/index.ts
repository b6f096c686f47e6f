export { buildApp, API_VERSION, type AppOptions } from "./app.ts";
export { readConfig, type ServerConfig } from "./config.ts";
export { startServer, type RunningServer } from "./startServer.ts";
export { getOrganisationDetail } from "./services/organisationService.ts";
export { getProviderDetail } from "./services/providerService.ts";
export { createAdministrator, ensureInitialAdministrator } from "./services/accountService.ts";
