import { lazy } from "react";
import { Route, Routes } from "react-router";
import { RequireSignIn } from "./features/auth/RequireSignIn.tsx";
import { NotFoundPage } from "./features/NotFoundPage.tsx";
import { StartPage } from "./features/start/StartPage.tsx";
import { Layout } from "./layout/Layout.tsx";

// Pages load on first visit (their own chunks); the start page and the frame load at once.
const KpiPage = lazy(() =>
  import("./features/kpi/KpiPage.tsx").then((module) => ({ default: module.KpiPage })),
);
const ReportsPage = lazy(() =>
  import("./features/reports/ReportsPage.tsx").then((module) => ({ default: module.ReportsPage })),
);
const ApiTokensPage = lazy(() =>
  import("./features/account/ApiTokensPage.tsx").then((module) => ({
    default: module.ApiTokensPage,
  })),
);
const AuditLogPage = lazy(() =>
  import("./features/administration/AuditLogPage.tsx").then((module) => ({
    default: module.AuditLogPage,
  })),
);
const UserAdministrationPage = lazy(() =>
  import("./features/administration/UserAdministrationPage.tsx").then((module) => ({
    default: module.UserAdministrationPage,
  })),
);
const InvitationPage = lazy(() =>
  import("./features/auth/InvitationPage.tsx").then((module) => ({
    default: module.InvitationPage,
  })),
);
const PasswordResetPage = lazy(() =>
  import("./features/auth/PasswordResetPage.tsx").then((module) => ({
    default: module.PasswordResetPage,
  })),
);
const SignInPage = lazy(() =>
  import("./features/auth/SignInPage.tsx").then((module) => ({ default: module.SignInPage })),
);
const DomainListPage = lazy(() =>
  import("./features/domains/DomainListPage.tsx").then((module) => ({
    default: module.DomainListPage,
  })),
);
const DomainPage = lazy(() =>
  import("./features/domains/DomainPage.tsx").then((module) => ({ default: module.DomainPage })),
);
const ImportPage = lazy(() =>
  import("./features/import/ImportPage.tsx").then((module) => ({ default: module.ImportPage })),
);
const LandscapeDiffPage = lazy(() =>
  import("./features/landscape/LandscapeDiffPage.tsx").then((module) => ({
    default: module.LandscapeDiffPage,
  })),
);
const LandscapePage = lazy(() =>
  import("./features/landscape/LandscapePage.tsx").then((module) => ({
    default: module.LandscapePage,
  })),
);
const OrganisationDetailPage = lazy(() =>
  import("./features/organisations/OrganisationDetailPage.tsx").then((module) => ({
    default: module.OrganisationDetailPage,
  })),
);
const OrganisationListPage = lazy(() =>
  import("./features/organisations/OrganisationListPage.tsx").then((module) => ({
    default: module.OrganisationListPage,
  })),
);
const OzgDetailPage = lazy(() =>
  import("./features/ozg/OzgDetailPage.tsx").then((module) => ({ default: module.OzgDetailPage })),
);
const OzgListPage = lazy(() =>
  import("./features/ozg/OzgListPage.tsx").then((module) => ({ default: module.OzgListPage })),
);
const AdoptionImportPage = lazy(() =>
  import("./features/ozg-readiness/AdoptionImportPage.tsx").then((module) => ({
    default: module.AdoptionImportPage,
  })),
);
const ExchangePage = lazy(() =>
  import("./features/ozg-readiness/ExchangePage.tsx").then((module) => ({
    default: module.ExchangePage,
  })),
);
const KommuneOzgPage = lazy(() =>
  import("./features/ozg-readiness/KommuneOzgPage.tsx").then((module) => ({
    default: module.KommuneOzgPage,
  })),
);
const OnlineServicesPage = lazy(() =>
  import("./features/ozg-readiness/OnlineServicesPage.tsx").then((module) => ({
    default: module.OnlineServicesPage,
  })),
);
const ReadinessBoardPage = lazy(() =>
  import("./features/ozg-readiness/ReadinessBoardPage.tsx").then((module) => ({
    default: module.ReadinessBoardPage,
  })),
);
const ResponsibilityRulesPage = lazy(() =>
  import("./features/ozg-readiness/ResponsibilityRulesPage.tsx").then((module) => ({
    default: module.ResponsibilityRulesPage,
  })),
);
const ProviderDetailPage = lazy(() =>
  import("./features/providers/ProviderDetailPage.tsx").then((module) => ({
    default: module.ProviderDetailPage,
  })),
);
const ProviderListPage = lazy(() =>
  import("./features/providers/ProviderListPage.tsx").then((module) => ({
    default: module.ProviderListPage,
  })),
);
const ReorganisationPage = lazy(() =>
  import("./features/reorganisations/ReorganisationPage.tsx").then((module) => ({
    default: module.ReorganisationPage,
  })),
);
const SourcesPage = lazy(() =>
  import("./features/sources/SourcesPage.tsx").then((module) => ({ default: module.SourcesPage })),
);
const StrategyEditorPage = lazy(() =>
  import("./features/strategy/StrategyEditorPage.tsx").then((module) => ({
    default: module.StrategyEditorPage,
  })),
);
const VorOrtOverviewPage = lazy(() =>
  import("./features/strategy/VorOrtOverviewPage.tsx").then((module) => ({
    default: module.VorOrtOverviewPage,
  })),
);
const ScenarioComparePage = lazy(() =>
  import("./features/scenarios/ScenarioComparePage.tsx").then((module) => ({
    default: module.ScenarioComparePage,
  })),
);
const ScenarioDetailPage = lazy(() =>
  import("./features/scenarios/ScenarioDetailPage.tsx").then((module) => ({
    default: module.ScenarioDetailPage,
  })),
);
const ScenarioFormPage = lazy(() =>
  import("./features/scenarios/ScenarioFormPage.tsx").then((module) => ({
    default: module.ScenarioFormPage,
  })),
);
const ScenarioListPage = lazy(() =>
  import("./features/scenarios/ScenarioListPage.tsx").then((module) => ({
    default: module.ScenarioListPage,
  })),
);
const KommuneAnswerPage = lazy(() =>
  import("./features/survey/AnswerPages.tsx").then((module) => ({
    default: module.KommuneAnswerPage,
  })),
);
const TokenAnswerPage = lazy(() =>
  import("./features/survey/AnswerPages.tsx").then((module) => ({
    default: module.TokenAnswerPage,
  })),
);
const CampaignListPage = lazy(() =>
  import("./features/survey/CampaignListPage.tsx").then((module) => ({
    default: module.CampaignListPage,
  })),
);
const NewCampaignPage = lazy(() =>
  import("./features/survey/CampaignListPage.tsx").then((module) => ({
    default: module.NewCampaignPage,
  })),
);
const CampaignPage = lazy(() =>
  import("./features/survey/CampaignPage.tsx").then((module) => ({ default: module.CampaignPage })),
);
const ReviewPage = lazy(() =>
  import("./features/survey/ReviewPage.tsx").then((module) => ({ default: module.ReviewPage })),
);
const GovernancePage = lazy(() =>
  import("./features/change/GovernancePage.tsx").then((module) => ({
    default: module.GovernancePage,
  })),
);
const MeasureDetailPage = lazy(() =>
  import("./features/change/MeasureDetailPage.tsx").then((module) => ({
    default: module.MeasureDetailPage,
  })),
);
const DataCoveragePage = lazy(() =>
  import("./features/corrections/DataCoveragePage.tsx").then((module) => ({
    default: module.DataCoveragePage,
  })),
);
const CorrectionListPage = lazy(() =>
  import("./features/corrections/CorrectionPages.tsx").then((module) => ({
    default: module.CorrectionListPage,
  })),
);
const CorrectionDetailPage = lazy(() =>
  import("./features/corrections/CorrectionPages.tsx").then((module) => ({
    default: module.CorrectionDetailPage,
  })),
);
const MeasureListPage = lazy(() =>
  import("./features/change/MeasureListPage.tsx").then((module) => ({
    default: module.MeasureListPage,
  })),
);
const MeasureNewPage = lazy(() =>
  import("./features/change/MeasureNewPage.tsx").then((module) => ({
    default: module.MeasureNewPage,
  })),
);
const RoadmapPage = lazy(() =>
  import("./features/change/RoadmapPage.tsx").then((module) => ({ default: module.RoadmapPage })),
);
const CostCurvePage = lazy(() =>
  import("./features/analysis/CostCurvePage.tsx").then((module) => ({
    default: module.CostCurvePage,
  })),
);
const DomainAnalysisPage = lazy(() =>
  import("./features/analysis/DomainAnalysisPage.tsx").then((module) => ({
    default: module.DomainAnalysisPage,
  })),
);
const ProviderScalePage = lazy(() =>
  import("./features/analysis/ProviderScalePage.tsx").then((module) => ({
    default: module.ProviderScalePage,
  })),
);
const FragmentationPage = lazy(() =>
  import("./features/analysis/FragmentationPage.tsx").then((module) => ({
    default: module.FragmentationPage,
  })),
);

/** Routes of the web app (German paths, shareable URLs with filters in the query). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<StartPage />} />
        <Route
          path="landkarte"
          element={
            <RequireSignIn what="Die IT-Landkarte">
              <LandscapePage />
            </RequireSignIn>
          }
        />
        <Route
          path="landkarte/vergleich"
          element={
            <RequireSignIn what="Der Vergleich zweier Stichtage">
              <LandscapeDiffPage />
            </RequireSignIn>
          }
        />
        <Route path="kommunen" element={<OrganisationListPage />} />
        <Route path="kommunen/:key" element={<OrganisationDetailPage />} />
        <Route path="dienstleister" element={<ProviderListPage />} />
        <Route path="dienstleister/:id" element={<ProviderDetailPage />} />
        <Route path="dienstleister/reorganisation" element={<ReorganisationPage />} />
        <Route path="leistungsbereiche" element={<DomainListPage />} />
        <Route
          path="leistungsbereiche/:id"
          element={
            <RequireSignIn what="Der Leistungsbereich">
              <DomainPage />
            </RequireSignIn>
          }
        />
        <Route path="ozg" element={<OzgListPage />} />
        <Route path="ozg/:id" element={<OzgDetailPage />} />
        <Route
          path="ozg-umsetzung"
          element={
            <RequireSignIn what="Die OZG-Umsetzung">
              <ReadinessBoardPage />
            </RequireSignIn>
          }
        />
        <Route
          path="ozg-umsetzung/kommunen/:key"
          element={
            <RequireSignIn what="Die OZG-Umsetzung einer Kommune">
              <KommuneOzgPage />
            </RequireSignIn>
          }
        />
        <Route
          path="ozg-umsetzung/dienste"
          element={
            <RequireSignIn what="Die Onlinedienste">
              <OnlineServicesPage />
            </RequireSignIn>
          }
        />
        <Route
          path="ozg-umsetzung/austausch"
          element={
            <RequireSignIn what="Der Austausch">
              <ExchangePage />
            </RequireSignIn>
          }
        />
        <Route path="ozg-umsetzung/import" element={<AdoptionImportPage />} />
        <Route
          path="ozg-umsetzung/regeln"
          element={
            <RequireSignIn what="Die Zuständigkeitsregeln">
              <ResponsibilityRulesPage />
            </RequireSignIn>
          }
        />
        <Route
          path="fragmentierung"
          element={
            <RequireSignIn what="Die Fragmentierung">
              <FragmentationPage />
            </RequireSignIn>
          }
        />
        <Route
          path="fragmentierung/kostenkurven"
          element={
            <RequireSignIn what="Die Kostenkurven">
              <CostCurvePage />
            </RequireSignIn>
          }
        />
        <Route
          path="fragmentierung/anbieter/:id"
          element={
            <RequireSignIn what="Die Größe eines Anbieters">
              <ProviderScalePage />
            </RequireSignIn>
          }
        />
        <Route
          path="fragmentierung/:id"
          element={
            <RequireSignIn what="Die Fragmentierung eines Leistungsbereichs">
              <DomainAnalysisPage />
            </RequireSignIn>
          }
        />
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
        <Route
          path="strategien/vor-ort"
          element={
            <RequireSignIn what="Die Strategien vor Ort">
              <VorOrtOverviewPage />
            </RequireSignIn>
          }
        />
        <Route
          path="kennzahlen"
          element={
            <RequireSignIn what="Die Kennzahlen">
              <KpiPage />
            </RequireSignIn>
          }
        />
        <Route
          path="berichte"
          element={
            <RequireSignIn what="Die Berichte">
              <ReportsPage />
            </RequireSignIn>
          }
        />
        <Route path="korrekturen" element={<CorrectionListPage />} />
        <Route path="datenlage" element={<DataCoveragePage />} />
        <Route path="korrekturen/:id" element={<CorrectionDetailPage />} />
        <Route
          path="massnahmen"
          element={
            <RequireSignIn what="Die Maßnahmen">
              <MeasureListPage />
            </RequireSignIn>
          }
        />
        <Route
          path="massnahmen/neu"
          element={
            <RequireSignIn what="Eine neue Maßnahme">
              <MeasureNewPage />
            </RequireSignIn>
          }
        />
        <Route
          path="massnahmen/:id"
          element={
            <RequireSignIn what="Die Maßnahme">
              <MeasureDetailPage />
            </RequireSignIn>
          }
        />
        <Route
          path="roadmap"
          element={
            <RequireSignIn what="Die Roadmap">
              <RoadmapPage />
            </RequireSignIn>
          }
        />
        <Route
          path="gremien"
          element={
            <RequireSignIn what="Die Gremien">
              <GovernancePage />
            </RequireSignIn>
          }
        />
        <Route
          path="szenarien"
          element={
            <RequireSignIn what="Die Szenarien">
              <ScenarioListPage />
            </RequireSignIn>
          }
        />
        <Route
          path="szenarien/neu"
          element={
            <RequireSignIn what="Ein neues Szenario">
              <ScenarioFormPage />
            </RequireSignIn>
          }
        />
        <Route
          path="szenarien/vergleich"
          element={
            <RequireSignIn what="Der Szenarienvergleich">
              <ScenarioComparePage />
            </RequireSignIn>
          }
        />
        <Route
          path="szenarien/:id"
          element={
            <RequireSignIn what="Das Szenario">
              <ScenarioDetailPage />
            </RequireSignIn>
          }
        />
        <Route
          path="szenarien/:id/bearbeiten"
          element={
            <RequireSignIn what="Das Szenario">
              <ScenarioFormPage />
            </RequireSignIn>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
