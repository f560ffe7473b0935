import type { DefaultTexts } from './content-defaults.ts';

/** The built-in French texts: a draft translation of the English, not yet reviewed by a native speaker. */
export const fr: DefaultTexts = {
  'notice.intro.heading': 'Comment nous utilisons vos informations',
  'notice.intro': [
    'Cette note explique comment {society} utilise les informations qui vous concernent. Vous pouvez nous demander de vous la lire, ou de vous l’expliquer dans votre langue.',
    'Vous recevrez de l’aide, que vous acceptiez ou non de partager vos informations. Vous n’êtes pas obligé de répondre à toutes les questions, et vous pouvez arrêter à tout moment.',
  ].join('\n'),
  'notice.controller.heading': 'Qui garde vos informations',
  'notice.controller':
    '{society} garde vos informations. Seules les personnes qui vous aident peuvent voir votre nom. Nous gardons vos informations en lieu sûr.',
  'notice.purposes.heading': 'Pourquoi nous les utilisons',
  'notice.purposes': 'Nous utilisons vos informations seulement pour ce que vous acceptez :',
  'notice.purpose.services': 'Pour vous aider, et pour préparer votre accompagnement avec vous.',
  'notice.purpose.referral':
    'Pour demander à d’autres organisations de vous aider, par exemple un avocat ou un médecin. Nous vous disons d’abord qui elles sont, et nous ne partageons que ce dont elles ont besoin.',
  'notice.purpose.cross-border':
    'Pour demander à la Croix-Rouge ou au Croissant-Rouge d’un autre pays de vous aider. Nous vous disons d’abord de quel pays il s’agit, et nous ne partageons que ce dont ils ont besoin.',
  'notice.purpose.protective-referral':
    'Pour vous mettre en contact avec des autorités qui peuvent vous protéger, comme la police ou les services de protection de l’enfance, mais seulement si vous le demandez et si vous êtes d’accord.',
  'notice.purpose.statistics':
    'Pour compter combien de personnes nous aidons, avec des chiffres qui ne montrent jamais qui vous êtes.',
  'notice.purpose.research':
    'Pour des recherches qui aident des personnes dans la même situation. Les chercheurs ne voient jamais votre nom, ni rien qui montre qui vous êtes.',
  'notice.recipients.heading': 'Qui peut les recevoir',
  'notice.recipients': [
    'Avec votre accord, nous pouvons partager les informations nécessaires avec : {recipients}.',
    'Nous ne partageons rien d’autre sans vous le demander d’abord. Nous ne partageons jamais vos informations pour le contrôle de l’immigration. Si une loi nous oblige à partager des informations, notre délégué à la protection des données doit d’abord décider.',
  ].join('\n'),
  'notice.recipients.none':
    'Pour l’instant, nous ne partageons vos informations avec personne en dehors de {society}. Si cela change, nous vous le demanderons d’abord. Nous ne partageons jamais vos informations pour le contrôle de l’immigration.',
  'notice.retention.heading': 'Combien de temps nous les gardons',
  'notice.retention':
    'Nous gardons vos informations pendant {retention} après la fin de notre accompagnement. Ensuite, nous les supprimons, ou nous enlevons tout ce qui pourrait montrer qui vous êtes.',
  'notice.retention.undecided': 'La durée n’a pas encore été décidée ; demandez-nous et nous vous la dirons.',
  'notice.rights.heading': 'Vos droits',
  'notice.rights': [
    'Vous pouvez :',
    '- demander à voir les informations que nous gardons sur vous ;',
    '- nous demander de les corriger si elles sont fausses ;',
    '- nous demander de les supprimer ;',
    '- changer d’avis et retirer votre accord à tout moment.',
    'Changer d’avis n’arrêtera pas notre aide. Si nous avons déjà partagé vos informations, nous demanderons à ceux qui les ont reçues de les supprimer.',
    'Pour cela, parlez à un membre de notre équipe. Vous n’avez pas à donner de raison, ni à écrire quoi que ce soit.',
  ].join('\n'),
  'notice.contact.heading': 'Des questions ?',
  'notice.contact': [
    'Si vous avez une question ou une plainte, parlez à un membre de l’équipe ou à un bénévole de {society}, ou demandez la personne chargée de la protection. Vous pouvez demander un interprète.',
    'Vous n’êtes pas obligé de garder une copie de cette note. Si la garder sur vous n’est pas sûr, laissez-la-nous.',
  ].join('\n'),
  'emergency.guidance': [
    'Si quelqu’un est en danger immédiat',
    '1. Assurez votre sécurité et celle de la personne. Ne confrontez personne qui pourrait la contrôler.',
    '2. Appelez tout de suite votre point focal, ou le numéro d’astreinte en dehors des heures de travail. Décidez ensemble de la suite.',
    '3. En cas d’urgence médicale, appelez le numéro des ambulances de votre région (voir les numéros d’urgence).',
    '4. N’appelez la police que si la personne le demande, ou si le point focal décide que c’est le seul moyen de protéger une vie. Dans certains lieux, des personnes trouvées dans des centres d’accueil ont été arrêtées par les services de l’immigration après un appel à la police.',
    '5. Restez avec la personne si c’est sans danger, et notez ce qui s’est passé seulement quand vous pouvez le faire en sécurité.',
  ].join('\n'),
  'emergency.numbers':
    'Aucun numéro d’urgence n’a encore été ajouté. Demandez à votre point focal, et demandez à un administrateur de les ajouter ici : le numéro des ambulances, le numéro d’astreinte du point focal et les services d’aide de confiance de votre région.',
};
