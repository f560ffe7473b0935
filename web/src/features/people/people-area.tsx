import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { PeopleListPage } from './people-list-page.tsx';
import { PersonPage } from './person-page.tsx';
import { FullRegistrationPage } from './full-registration-page.tsx';
import { QuickRegistrationPage } from './quick-registration-page.tsx';
import { peopleStrings } from './strings.ts';

// The consent screens travel in their own chunk: most visits to a person record no consent.
const ConsentArea = lazy(async () => ({
  default: (await import('../consent/consent-area.tsx')).ConsentArea,
}));

/**
 * The people area (caseworkers and focal points): the list and search, registration and the person page.
 * Addresses carry the person's id only, never a name or a search term.
 */
export function PeopleArea() {
  useAreaStrings(peopleStrings);
  return (
    <Routes>
      <Route index element={<PeopleListPage />} />
      <Route path="new" element={<QuickRegistrationPage />} />
      <Route path="new/full" element={<FullRegistrationPage />} />
      <Route path=":personId" element={<PersonPage />} />
      <Route path=":personId/consent/*" element={<ConsentArea />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
