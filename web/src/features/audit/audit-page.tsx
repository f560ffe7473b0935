import { useTranslation } from 'react-i18next';
import { AreaPlaceholder } from '../../components/area-placeholder.tsx';

/** The audit log for the data protection officer: its screens come with the governance work. */
export function AuditPage() {
  const { t } = useTranslation();
  return <AreaPlaceholder title={t('nav.audit')} body={t('areas.audit')} />;
}
