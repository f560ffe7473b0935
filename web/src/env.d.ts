/// <reference types="vite/client" />

/** The neutral page quick exit goes to, fixed when the web app is built (vite.config.ts). */
declare const __PASSAGE_QUICK_EXIT_URL__: string;
