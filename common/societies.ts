import { z } from 'zod';

/** Path parameters naming one society. */
export const SocietyParams = z.strictObject({ societyId: z.uuid() });
/** Path parameters naming one society. */
export type SocietyParams = z.infer<typeof SocietyParams>;

/** A society as the API shows it. */
export const Society = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string().length(2),
  timeZone: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
/** A society as the API shows it. */
export type Society = z.infer<typeof Society>;
