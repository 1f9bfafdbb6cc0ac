import { expect } from '@open-wc/testing';
import { isoToSerial, parseDateText, serialToDate } from './dates.js';

describe('serialToDate', () => {
  it('reads 1900-system serials, including the leap day 2024-02-29', () => {
    expect(serialToDate(46056)).to.deep.equal({ date: '2026-02-03' });
    expect(serialToDate(45351)).to.deep.equal({ date: '2024-02-29' });
  });

  it('reads 1904-system serials 1462 days lower to the same date', () => {
    expect(serialToDate(46056 - 1462, true)).to.deep.equal({ date: '2026-02-03' });
  });

  it('keeps the time of day apart from the date', () => {
    expect(serialToDate(46056.5)).to.deep.equal({ date: '2026-02-03', time: '12:00:00' });
  });

  it('refuses serials no calendar has', () => {
    expect(serialToDate(-1)).to.equal(null);
    expect(serialToDate(Number.NaN)).to.equal(null);
  });
});

describe('isoToSerial', () => {
  it('gives the serial that serialToDate reads back to the same day, in both date systems', () => {
    expect(isoToSerial('2026-02-03')).to.equal(46056);
    expect(isoToSerial('2026-02-03', true)).to.equal(46056 - 1462);
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '1904-01-01', '2024-02-29', '9999-12-31']) {
      for (const date1904 of [false, true]) {
        const serial = isoToSerial(iso, date1904);
        if (serial !== null) expect(serialToDate(serial, date1904), `${iso} ${date1904}`).to.deep.equal({ date: iso });
      }
    }
  });

  it('has no serial for impossible days or days before the date system begins', () => {
    expect(isoToSerial('2026-02-31')).to.equal(null);
    expect(isoToSerial('1899-12-31')).to.equal(null);
    expect(isoToSerial('1903-12-31', true)).to.equal(null);
    expect(isoToSerial('03/02/2026')).to.equal(null);
  });
});

describe('parseDateText', () => {
  it('reads ISO dates whatever the order', () => {
    expect(parseDateText('2026-02-03', 'MDY')).to.equal('2026-02-03');
    expect(parseDateText('2026-02-03T00:00:00')).to.equal('2026-02-03');
  });

  it('reads day-first and month-first text by the order given', () => {
    expect(parseDateText('03/02/2026', 'DMY')).to.equal('2026-02-03');
    expect(parseDateText('03/02/2026', 'MDY')).to.equal('2026-03-02');
    expect(parseDateText('3.2.2026', 'DMY')).to.equal('2026-02-03');
  });

  it('refuses impossible dates and two-digit years', () => {
    expect(parseDateText('29/02/2025', 'DMY')).to.equal(null);
    expect(parseDateText('31/04/2026', 'DMY')).to.equal(null);
    expect(parseDateText('13/13/2026', 'MDY')).to.equal(null);
    expect(parseDateText('03/02/26', 'DMY')).to.equal(null);
    expect(parseDateText('yesterday')).to.equal(null);
  });
});
