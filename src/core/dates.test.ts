import { expect } from '@open-wc/testing';
import { parseDateText, serialToDate } from './dates.js';

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
