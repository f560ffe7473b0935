import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/not-found.tsx';
import { useAreaStrings } from '../../i18n/areas.ts';
import { ConsentFormPage } from './consent-form-page.tsx';
import { LegalBasisFormPage } from './legal-basis-form-page.tsx';
import { NoticePage } from './notice-page.tsx';
import { ShareCheckPage } from './share-check-page.tsx';
import { consentStrings } from './strings.ts';

/**
 * The consent screens of one person (under /people/:personId/consent): the guided consent form, another legal
 * basis, the share check and the information notice. Addresses carry the person's id only.
 */
export function ConsentArea() {
  useAreaStrings(consentStrings);
  return (
    <Routes>
      <Route path="new" element={<ConsentFormPage />} />
      <Route path="legal-basis/new" element={<LegalBasisFormPage />} />
      <Route path="share-check" element={<ShareCheckPage />} />
      <Route path="notice" element={<NoticePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
