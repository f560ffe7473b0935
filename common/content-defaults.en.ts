import type { DefaultTexts } from './content-defaults.ts';

/**
 * The built-in English texts (reviewed; the fallback language). Short sentences and everyday words, so a
 * caseworker can read them aloud to an adult or a child. `{society}`, `{recipients}` and `{retention}` are filled
 * in when the information notice is composed.
 */
export const en: DefaultTexts = {
  'notice.intro.heading': 'How we use your information',
  'notice.intro': [
    'This note explains how {society} uses information about you. You can ask us to read it to you, or to explain it in your language.',
    'You will get help whether or not you agree to share your information. You do not have to answer every question, and you can stop at any time.',
  ].join('\n'),
  'notice.controller.heading': 'Who keeps your information',
  'notice.controller':
    '{society} keeps your information. Only the people who are helping you can see your name. We keep your information locked and safe.',
  'notice.purposes.heading': 'Why we use it',
  'notice.purposes': 'We use your information only for the things you agree to:',
  'notice.purpose.services': 'To help you, and to plan your support together with you.',
  'notice.purpose.referral':
    'To ask other organisations to help you, for example a lawyer or a doctor. We tell you who they are first, and we share only what they need.',
  'notice.purpose.cross-border':
    'To ask the Red Cross or Red Crescent in another country to help you. We tell you which country first, and we share only what they need.',
  'notice.purpose.protective-referral':
    'To put you in touch with authorities that can protect you, such as the police or child protection services, but only if you ask for it and agree.',
  'notice.purpose.statistics': 'To count how many people we help, in numbers that never show who you are.',
  'notice.purpose.research':
    'For research that helps people in the same situation. The researchers never see your name or anything that shows who you are.',
  'notice.recipients.heading': 'Who may receive it',
  'notice.recipients': [
    'With your agreement, we may share the information that is needed with: {recipients}.',
    'We share nothing else without asking you first. We never share your information for immigration control. If a law forces us to share information, our data protection officer must decide first.',
  ].join('\n'),
  'notice.recipients.none':
    'Right now, we do not share your information with anyone outside {society}. We will ask you first if this changes. We never share your information for immigration control.',
  'notice.retention.heading': 'How long we keep it',
  'notice.retention':
    'We keep your information for {retention} after we stop working with you. After that, we delete it, or we remove everything that could show who you are.',
  'notice.retention.undecided': 'The period has not been decided yet; ask us and we will tell you.',
  'notice.rights.heading': 'Your rights',
  'notice.rights': [
    'You can:',
    '- ask to see the information we keep about you;',
    '- ask us to correct it if it is wrong;',
    '- ask us to delete it;',
    '- change your mind and take back your agreement at any time.',
    'Changing your mind will not stop your help. If we already shared your information, we will ask those who received it to delete it.',
    'To do any of this, talk to a member of our team. You do not have to give a reason, and you do not have to write anything.',
  ].join('\n'),
  'notice.contact.heading': 'Questions',
  'notice.contact': [
    'If you have a question or a complaint, talk to any staff member or volunteer of {society}, or ask for the person in charge of protection. You can ask for an interpreter.',
    'You do not have to keep a copy of this note. If carrying it is not safe for you, leave it with us.',
  ].join('\n'),
  'emergency.guidance': [
    'If someone is in immediate danger',
    '1. Keep yourself and the person safe. Do not confront anyone who may be controlling them.',
    '2. Call your focal point now, or the out-of-hours number outside working hours. Decide the next step together.',
    '3. For a medical emergency, call the ambulance number for your area (see the emergency numbers).',
    '4. Call the police only if the person asks you to, or if the focal point decides it is the only way to protect a life. In some places, people found in reception centres have been arrested by immigration officers after the police were called.',
    '5. Stay with the person if it is safe, and write down what happened only when you can do so safely.',
  ].join('\n'),
  'emergency.numbers':
    'No emergency numbers have been added yet. Ask your focal point, and ask an administrator to add them here: the ambulance number, the focal point’s out-of-hours number, and support services you trust in your area.',
};
