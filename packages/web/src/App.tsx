import { Route, Routes } from "react-router";
import { KpiPage } from "./features/kpi/KpiPage.tsx";
import { ReportsPage } from "./features/reports/ReportsPage.tsx";
import { NotFoundPage } from "./features/NotFoundPage.tsx";
import { ApiTokensPage } from "./features/account/ApiTokensPage.tsx";
import { AuditLogPage } from "./features/administration/AuditLogPage.tsx";
import { UserAdministrationPage } from "./features/administration/UserAdministrationPage.tsx";
import { InvitationPage } from "./features/auth/InvitationPage.tsx";
import { PasswordResetPage } from "./features/auth/PasswordResetPage.tsx";
import { SignInPage } from "./features/auth/SignInPage.tsx";
import { DomainListPage } from "./features/domains/DomainListPage.tsx";
import { DomainPage } from "./features/domains/DomainPage.tsx";
import { ImportPage } from "./features/import/ImportPage.tsx";
import { LandscapeDiffPage } from "./features/landscape/LandscapeDiffPage.tsx";
import { LandscapePage } from "./features/landscape/LandscapePage.tsx";
import { OrganisationDetailPage } from "./features/organisations/OrganisationDetailPage.tsx";
import { OrganisationListPage } from "./features/organisations/OrganisationListPage.tsx";
import { OzgDetailPage } from "./features/ozg/OzgDetailPage.tsx";
import { OzgListPage } from "./features/ozg/OzgListPage.tsx";
import { AdoptionImportPage } from "./features/ozg-readiness/AdoptionImportPage.tsx";
import { ExchangePage } from "./features/ozg-readiness/ExchangePage.tsx";
import { KommuneOzgPage } from "./features/ozg-readiness/KommuneOzgPage.tsx";
import { OnlineServicesPage } from "./features/ozg-readiness/OnlineServicesPage.tsx";
import { ReadinessBoardPage } from "./features/ozg-readiness/ReadinessBoardPage.tsx";
import { ResponsibilityRulesPage } from "./features/ozg-readiness/ResponsibilityRulesPage.tsx";
import { ProviderDetailPage } from "./features/providers/ProviderDetailPage.tsx";
import { ProviderListPage } from "./features/providers/ProviderListPage.tsx";
import { ReorganisationPage } from "./features/reorganisations/ReorganisationPage.tsx";
import { SourcesPage } from "./features/sources/SourcesPage.tsx";
import { StartPage } from "./features/start/StartPage.tsx";
import { StrategyEditorPage } from "./features/strategy/StrategyEditorPage.tsx";
import { VorOrtOverviewPage } from "./features/strategy/VorOrtOverviewPage.tsx";
import { ScenarioComparePage } from "./features/scenarios/ScenarioComparePage.tsx";
import { ScenarioDetailPage } from "./features/scenarios/ScenarioDetailPage.tsx";
import { ScenarioFormPage } from "./features/scenarios/ScenarioFormPage.tsx";
import { ScenarioListPage } from "./features/scenarios/ScenarioListPage.tsx";
import { KommuneAnswerPage, TokenAnswerPage } from "./features/survey/AnswerPages.tsx";
import { CampaignListPage, NewCampaignPage } from "./features/survey/CampaignListPage.tsx";
import { CampaignPage } from "./features/survey/CampaignPage.tsx";
import { ReviewPage } from "./features/survey/ReviewPage.tsx";
import { GovernancePage } from "./features/change/GovernancePage.tsx";
import { MeasureDetailPage } from "./features/change/MeasureDetailPage.tsx";
import { MeasureListPage } from "./features/change/MeasureListPage.tsx";
import { MeasureNewPage } from "./features/change/MeasureNewPage.tsx";
import { RoadmapPage } from "./features/change/RoadmapPage.tsx";
import { Layout } from "./layout/Layout.tsx";
import { CostCurvePage } from "./features/analysis/CostCurvePage.tsx";
import { DomainAnalysisPage } from "./features/analysis/DomainAnalysisPage.tsx";
import { ProviderScalePage } from "./features/analysis/ProviderScalePage.tsx";
import { FragmentationPage } from "./features/analysis/FragmentationPage.tsx";

/** Routes of the web app (German paths, shareable URLs with filters in the query). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<StartPage />} />
        <Route path="landkarte" element={<LandscapePage />} />
        <Route path="landkarte/vergleich" element={<LandscapeDiffPage />} />
        <Route path="kommunen" element={<OrganisationListPage />} />
        <Route path="kommunen/:key" element={<OrganisationDetailPage />} />
        <Route path="dienstleister" element={<ProviderListPage />} />
        <Route path="dienstleister/:id" element={<ProviderDetailPage />} />
        <Route path="dienstleister/reorganisation" element={<ReorganisationPage />} />
        <Route path="leistungsbereiche" element={<DomainListPage />} />
        <Route path="leistungsbereiche/:id" element={<DomainPage />} />
        <Route path="ozg" element={<OzgListPage />} />
        <Route path="ozg/:id" element={<OzgDetailPage />} />
        <Route path="ozg-umsetzung" element={<ReadinessBoardPage />} />
        <Route path="ozg-umsetzung/kommunen/:key" element={<KommuneOzgPage />} />
        <Route path="ozg-umsetzung/dienste" element={<OnlineServicesPage />} />
        <Route path="ozg-umsetzung/austausch" element={<ExchangePage />} />
        <Route path="ozg-umsetzung/import" element={<AdoptionImportPage />} />
        <Route path="ozg-umsetzung/regeln" element={<ResponsibilityRulesPage />} />
        <Route path="fragmentierung" element={<FragmentationPage />} />
        <Route path="fragmentierung/kostenkurven" element={<CostCurvePage />} />
        <Route path="fragmentierung/anbieter/:id" element={<ProviderScalePage />} />
        <Route path="fragmentierung/:id" element={<DomainAnalysisPage />} />
        <Route path="quellen" element={<SourcesPage />} />
        <Route path="import-export" element={<ImportPage />} />
        <Route path="anmelden" element={<SignInPage />} />
        <Route path="einladung" element={<InvitationPage />} />
        <Route path="passwort-zuruecksetzen" element={<PasswordResetPage />} />
        <Route path="konto/tokens" element={<ApiTokensPage />} />
        <Route path="verwaltung/benutzer" element={<UserAdministrationPage />} />
        <Route path="verwaltung/protokoll" element={<AuditLogPage />} />
        <Route path="bedarfserhebung" element={<CampaignListPage />} />
        <Route path="bedarfserhebung/neu" element={<NewCampaignPage />} />
        <Route path="bedarfserhebung/:campaignId" element={<CampaignPage />} />
        <Route path="bedarfserhebung/:campaignId/kommunen/:ags" element={<KommuneAnswerPage />} />
        <Route path="bedarfserhebung/:campaignId/pruefung/:ags" element={<ReviewPage />} />
        <Route path="erhebung" element={<TokenAnswerPage />} />
        <Route path="kommunen/:ags/strategie" element={<StrategyEditorPage />} />
        <Route path="strategien/vor-ort" element={<VorOrtOverviewPage />} />
        <Route path="kennzahlen" element={<KpiPage />} />
        <Route path="berichte" element={<ReportsPage />} />
        <Route path="massnahmen" element={<MeasureListPage />} />
        <Route path="massnahmen/neu" element={<MeasureNewPage />} />
        <Route path="massnahmen/:id" element={<MeasureDetailPage />} />
        <Route path="roadmap" element={<RoadmapPage />} />
        <Route path="gremien" element={<GovernancePage />} />
        <Route path="szenarien" element={<ScenarioListPage />} />
        <Route path="szenarien/neu" element={<ScenarioFormPage />} />
        <Route path="szenarien/vergleich" element={<ScenarioComparePage />} />
        <Route path="szenarien/:id" element={<ScenarioDetailPage />} />
        <Route path="szenarien/:id/bearbeiten" element={<ScenarioFormPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
