import { useTranslation } from 'react-i18next';
import { AreaPlaceholder } from '../../components/area-placeholder.tsx';

/** Administration (users, teams, society settings): its screens come with the administration work. */
export function AdministrationPage() {
  const { t } = useTranslation();
  return <AreaPlaceholder title={t('nav.administration')} body={t('areas.administration')} />;
}
