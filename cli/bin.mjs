#!/usr/bin/env node
// The `passage` command. TypeScript runs through tsx, so the checkout needs no separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
