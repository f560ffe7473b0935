import { describe, expect, it } from 'vitest';
import { groupedSecret, svgDataUrl } from './enrolment.ts';

describe('enrolment helpers', () => {
  it('turns the server SVG into a base64 image address that decodes to the same text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(svg);
  });

  it('groups the secret by four characters', () => {
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupedSecret('ABCD')).toBe('ABCD');
  });
});
