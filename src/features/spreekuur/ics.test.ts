import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildCalendar, escapeText, foldLine, unfold, utcStamp } from './ics.ts';
import { amsterdamDay, amsterdamMinutes, amsterdamToUtc, offsetMinutes } from './zoned.ts';

describe('iCalendar writer (RFC 5545)', () => {
  const event = {
    uid: 'spreekuur-1@example.org',
    sequence: 2,
    stamp: new Date('2026-03-01T08:00:00Z'),
    start: amsterdamToUtc('2026-03-27', 12 * 60),
    end: amsterdamToUtc('2026-03-27', 12 * 60 + 20),
    summary: 'Spreekuur; ouders, kinderen\\ en meer',
    description: `Regel één\nRegel twee met een héél lange tekst ${'é'.repeat(80)}`,
    location: 'Wijkcentrum, Kerkstraat 1',
    status: 'CONFIRMED' as const,
  };

  it('has the required structure, CRLF line ends and UTC times', () => {
    const text = buildCalendar(event, '-//Wegwijzer//Spreekuur//NL');
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
    const lines = unfold(text);
    assert.deepEqual(lines.slice(0, 2), ['BEGIN:VCALENDAR', 'VERSION:2.0']);
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    for (const required of ['PRODID:', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:spreekuur-1@example.org', 'SEQUENCE:2', 'DTSTAMP:20260301T080000Z', 'END:VEVENT', 'STATUS:CONFIRMED']) {
      assert.ok(lines.some((l) => l.startsWith(required)), required);
    }
    assert.ok(lines.includes('DTSTART:20260327T110000Z'), 'CET: 12:00 local is 11:00Z');
    assert.ok(lines.includes('SUMMARY:Spreekuur\\; ouders\\, kinderen\\\\ en meer'));
    assert.ok(lines.includes('LOCATION:Wijkcentrum\\, Kerkstraat 1'));
  });

  it('keeps 12:00 local across the DST change: 11:00Z in March before, 10:00Z after', () => {
    assert.equal(utcStamp(amsterdamToUtc('2026-03-27', 720)), '20260327T110000Z');
    assert.equal(utcStamp(amsterdamToUtc('2026-03-30', 720)), '20260330T100000Z');
    assert.equal(utcStamp(amsterdamToUtc('2026-10-23', 720)), '20261023T100000Z');
    assert.equal(utcStamp(amsterdamToUtc('2026-10-26', 720)), '20261026T110000Z');
    assert.equal(offsetMinutes(new Date('2026-07-01T12:00:00Z')), 120);
    // Skipped spring hour reads with the winter offset; repeated autumn hour takes the first one.
    assert.equal(amsterdamToUtc('2026-03-29', 150).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(amsterdamToUtc('2026-10-25', 150).toISOString(), '2026-10-25T00:30:00.000Z');
  });

  it('round-trips any local wall-clock time of any day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 1439 }), (offset, minutes) => {
        const day = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
        const instant = amsterdamToUtc(day, minutes);
        const skipped = amsterdamMinutes(instant) !== minutes;
        // Only the skipped spring hour (02:00–02:59 on the last Sunday of March) may not round-trip.
        if (skipped) assert.ok(minutes >= 120 && minutes < 180 && day.slice(5, 7) === '03', `${day} ${minutes}`);
        else assert.equal(amsterdamDay(instant), day);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes TEXT so that unescaping gives the original back (property)', () => {
    const unescape = (s: string) => s.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        // eslint-disable-next-line no-control-regex
        const clean = raw.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        const escaped = escapeText(raw);
        assert.doesNotMatch(escaped, /[\r\n]/);
        assert.doesNotMatch(escaped.replace(/\\[\\;,n]/g, ''), /[;,\\]/, 'no unescaped special characters');
        assert.equal(unescape(escaped), clean);
      }),
      { numRuns: 500 },
    );
  });

  it('folds every line at 75 octets without splitting characters; unfolding restores it (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (value) => {
        const line = `DESCRIPTION:${escapeText(value)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part, 'utf8') <= 75, part);
        assert.equal(unfold(folded)[0] ?? '', line);
        assert.ok(!folded.includes('\uFFFD'));
      }),
      { numRuns: 500 },
    );
    const long = buildCalendar(event, 'x');
    for (const part of long.split('\r\n')) assert.ok(Buffer.byteLength(part, 'utf8') <= 75);
  });
});
