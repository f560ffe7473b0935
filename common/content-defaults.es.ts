import type { DefaultTexts } from './content-defaults.ts';

/** The built-in Spanish texts: a draft translation of the English, not yet reviewed by a native speaker. */
export const es: DefaultTexts = {
  'notice.intro.heading': 'Cómo usamos su información',
  'notice.intro': [
    'Esta nota explica cómo {society} usa la información sobre usted. Puede pedirnos que se la leamos, o que se la expliquemos en su idioma.',
    'Recibirá ayuda tanto si acepta compartir su información como si no. No tiene que responder a todas las preguntas, y puede parar en cualquier momento.',
  ].join('\n'),
  'notice.controller.heading': 'Quién guarda su información',
  'notice.controller':
    '{society} guarda su información. Solo las personas que le ayudan pueden ver su nombre. Guardamos su información en un lugar seguro.',
  'notice.purposes.heading': 'Para qué la usamos',
  'notice.purposes': 'Usamos su información solo para lo que usted acepta:',
  'notice.purpose.services': 'Para ayudarle, y para planificar su apoyo junto con usted.',
  'notice.purpose.referral':
    'Para pedir a otras organizaciones que le ayuden, por ejemplo un abogado o un médico. Primero le decimos quiénes son, y solo compartimos lo que necesitan.',
  'notice.purpose.cross-border':
    'Para pedir a la Cruz Roja o a la Media Luna Roja de otro país que le ayude. Primero le decimos cuál es el país, y solo compartimos lo que necesitan.',
  'notice.purpose.protective-referral':
    'Para ponerle en contacto con autoridades que pueden protegerle, como la policía o los servicios de protección de la infancia, pero solo si usted lo pide y está de acuerdo.',
  'notice.purpose.statistics':
    'Para contar a cuántas personas ayudamos, con cifras que nunca muestran quién es usted.',
  'notice.purpose.research':
    'Para investigaciones que ayudan a personas en la misma situación. Los investigadores nunca ven su nombre, ni nada que muestre quién es usted.',
  'notice.recipients.heading': 'Quién puede recibirla',
  'notice.recipients': [
    'Con su acuerdo, podemos compartir la información necesaria con: {recipients}.',
    'No compartimos nada más sin preguntarle antes. Nunca compartimos su información para el control de la inmigración. Si una ley nos obliga a compartir información, nuestro delegado de protección de datos debe decidirlo primero.',
  ].join('\n'),
  'notice.recipients.none':
    'Por ahora, no compartimos su información con nadie fuera de {society}. Si esto cambia, le preguntaremos antes. Nunca compartimos su información para el control de la inmigración.',
  'notice.retention.heading': 'Cuánto tiempo la guardamos',
  'notice.retention':
    'Guardamos su información durante {retention} después de que terminemos de trabajar con usted. Después, la borramos, o quitamos todo lo que podría mostrar quién es usted.',
  'notice.retention.undecided': 'El plazo todavía no se ha decidido; pregúntenos y se lo diremos.',
  'notice.rights.heading': 'Sus derechos',
  'notice.rights': [
    'Usted puede:',
    '- pedir ver la información que guardamos sobre usted;',
    '- pedirnos que la corrijamos si está mal;',
    '- pedirnos que la borremos;',
    '- cambiar de opinión y retirar su acuerdo en cualquier momento.',
    'Cambiar de opinión no detendrá nuestra ayuda. Si ya compartimos su información, pediremos a quienes la recibieron que la borren.',
    'Para hacer cualquiera de estas cosas, hable con un miembro de nuestro equipo. No tiene que dar ninguna razón, ni escribir nada.',
  ].join('\n'),
  'notice.contact.heading': '¿Preguntas?',
  'notice.contact': [
    'Si tiene una pregunta o una queja, hable con cualquier miembro del equipo o voluntario de {society}, o pida hablar con la persona responsable de protección. Puede pedir un intérprete.',
    'No tiene que quedarse con una copia de esta nota. Si llevarla encima no es seguro para usted, déjela con nosotros.',
  ].join('\n'),
  'emergency.guidance': [
    'Si alguien está en peligro inmediato',
    '1. Proteja su seguridad y la de la persona. No se enfrente a nadie que pueda estar controlándola.',
    '2. Llame ahora a su punto focal, o al número de guardia fuera del horario de trabajo. Decidan juntos el siguiente paso.',
    '3. En una emergencia médica, llame al número de ambulancias de su zona (vea los números de emergencia).',
    '4. Llame a la policía solo si la persona se lo pide, o si el punto focal decide que es la única forma de proteger una vida. En algunos lugares, personas encontradas en centros de acogida han sido detenidas por las autoridades de inmigración después de llamar a la policía.',
    '5. Quédese con la persona si es seguro, y anote lo ocurrido solo cuando pueda hacerlo con seguridad.',
  ].join('\n'),
  'emergency.numbers':
    'Todavía no se ha añadido ningún número de emergencia. Pregunte a su punto focal, y pida a un administrador que los añada aquí: el número de ambulancias, el número de guardia del punto focal y los servicios de apoyo de confianza de su zona.',
};
