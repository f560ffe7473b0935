import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { OrganisationFormPage } from './organisation-form-page.tsx';
import { OrganisationPage } from './organisation-page.tsx';
import { OrganisationsPage } from './organisations-page.tsx';
import { ServiceFormPage } from './service-form-page.tsx';
import { directoryStrings } from './strings.ts';

/** The organisations area (/organisations): the registry, one organisation with its services, and keepers' forms. */
export function DirectoryArea() {
  useAreaStrings(directoryStrings);
  return (
    <Routes>
      <Route index element={<OrganisationsPage />} />
      <Route path="new" element={<OrganisationFormPage />} />
      <Route path=":organisationId" element={<OrganisationPage />} />
      <Route path=":organisationId/edit" element={<OrganisationFormPage />} />
      <Route path=":organisationId/services/new" element={<ServiceFormPage />} />
      <Route path=":organisationId/services/:serviceId/edit" element={<ServiceFormPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
