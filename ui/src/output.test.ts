import { describe, expect, it } from 'vitest';
import { captionLines, checkWords, parseSeconds, wordInput } from './captions';
import { translate } from './i18n';
import { checkUpload, MEDIA_UPLOAD } from './media';
import { changedOutput, outputParams, parseOutput, previewText, validateOutput } from './output';
import { OUTPUT_DEFAULTS } from './types';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('output settings', () => {
  it('reads the URL, keeping only values the server takes', () => {
    const o = parseOutput(new URLSearchParams('aspect=1:1&caption_style=shadow&caption_size=900&caption_color=%23abcdef&music=rm%20-rf&music_volume=-3&speech_rate=1.5'));
    expect(o).toEqual({ ...OUTPUT_DEFAULTS, aspect: '1:1', caption_size: 200, caption_color: '#ABCDEF', music_volume: 0, speech_rate: 1.5 });
    expect(parseOutput(new URLSearchParams('music=trk_0123456789abcdef')).music).toBe('trk_0123456789abcdef');
    expect(parseOutput(new URLSearchParams('music=mood:calm')).music).toBe('mood:calm');
  });

  it('sends nothing for the defaults, the voice only where a voice is synthesized, the volume only with music', () => {
    expect(changedOutput(OUTPUT_DEFAULTS, true)).toEqual({});
    const o = { ...OUTPUT_DEFAULTS, voice: 'gmw/en', speech_rate: 0.8, music_volume: 50, caption_font: '  Noto Serif ' };
    expect(changedOutput(o, false)).toEqual({ caption_font: 'Noto Serif' });
    expect(changedOutput(o, true)).toEqual({ caption_font: 'Noto Serif', voice: 'gmw/en', speech_rate: 0.8 });
    expect(changedOutput({ ...o, music: 'mood:epic' }, false)).toEqual({ caption_font: 'Noto Serif', music: 'mood:epic', music_volume: 50 });
    const q = new URLSearchParams();
    outputParams({ ...OUTPUT_DEFAULTS, aspect: '16:9' }, q);
    expect(q.toString()).toBe('aspect=16%3A9');
  });

  it('checks the font like the server: letters of any script, digits, spaces, . _ -', () => {
    expect(validateOutput({ ...OUTPUT_DEFAULTS, caption_font: 'Noto Sans CJK JP' }, t)).toEqual({});
    expect(validateOutput({ ...OUTPUT_DEFAULTS, caption_font: 'Noto Naskh عربي' }, t)).toEqual({});
    for (const bad of ['Arial}{\\b1', 'a,b', '-Arial', 'x'.repeat(65), 'Font\\N']) {
      expect(validateOutput({ ...OUTPUT_DEFAULTS, caption_font: bad }, t)).toHaveProperty('caption_font');
    }
    expect(validateOutput({ ...OUTPUT_DEFAULTS, caption_color: 'red' }, t)).toHaveProperty('caption_color');
  });

  it('previews the theme’s first words, at most eight and 60 characters', () => {
    expect(previewText('  ', 'Sample')).toBe('Sample');
    expect(previewText('one two three four five six seven eight nine', 'S')).toBe('one two three four five six seven eight');
    expect([...previewText('a'.repeat(100), 'S')].length).toBe(60);
  });

  it('takes an upload by its type or, lacking one, its extension', () => {
    expect(checkUpload(new File(['x'], 'CLIP.MOV', { type: '' }), MEDIA_UPLOAD)).toEqual({ ok: true, contentType: 'video/quicktime' });
    expect(checkUpload(new File(['x'], 'photo', { type: 'image/jpg' }), MEDIA_UPLOAD)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkUpload(new File(['x'], 'a.gif', { type: 'image/gif' }), MEDIA_UPLOAD)).toMatchObject({ ok: false, problem: 'type' });
  });
});

describe('caption words', () => {
  const w = (text: string, start: number, end: number) => ({ text, start_ms: start, end_ms: end });

  it('groups words in lines at sentence ends, pauses and seven words', () => {
    const words = [w('Un', 0, 100), w('deux.', 100, 200), w('trois', 300, 400), w('quatre', 1100, 1200), ...Array.from({ length: 8 }, (_, i) => w(`m${i}`, 1300 + i * 100, 1390 + i * 100))];
    expect(captionLines(words)).toEqual([[0, 1], [2], [3, 4, 5, 6, 7, 8, 9], [10, 11]]);
    expect(captionLines([])).toEqual([]);
  });

  it('reads times in seconds with a point or a comma', () => {
    expect(parseSeconds('1.25')).toBe(1250);
    expect(parseSeconds(' 2,5 ')).toBe(2500);
    expect(parseSeconds('-1')).toBeNull();
    expect(parseSeconds('1e3')).toBeNull();
  });

  it('names each bad word by the server’s field name', () => {
    const { errors, words } = checkWords(
      [{ text: ' ok ', start: '0', end: '0.5' }, { text: 'a\u0007', start: '0.4', end: '0.3' }, { text: 'x', start: '0.2', end: '11' }],
      10_000,
      t,
    );
    expect(words[0]).toEqual({ text: 'ok', start_ms: 0, end_ms: 500 });
    expect(Object.keys(errors)).toEqual(['words[1].text', 'words[1].end_ms', 'words[2].start_ms', 'words[2].end_ms']);
    expect(wordInput('words[12].start_ms')).toBe('12-start');
    expect(wordInput('blocks[1].duration')).toBeNull();
  });
});
