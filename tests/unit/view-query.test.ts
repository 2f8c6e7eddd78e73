import { describe, expect, it } from 'vitest';
import { parseViewQuery, serializeViewQuery, type SerializableView } from '../../src/lib/core/view-query';
import { day } from './helpers';

const VOCAB = { typeIds: ['alliance', 'request_aid', 'visit'], actorIds: ['armenia', 'nikol-pashinyan'] };
const parse = (search: string) => parseViewQuery(search, VOCAB);

describe('parseViewQuery', () => {
  it('restores types, window and focus', () => {
    expect(parse('?types=alliance,visit&from=2022-03-01&to=2022-06-30&focus=nikol-pashinyan')).toEqual({
      view: { types: ['alliance', 'visit'], from: day('2022-03-01'), to: day('2022-06-30'), focus: 'nikol-pashinyan' },
      notices: [],
    });
  });
  it('reads partial dates: from is the start, to is the end', () => {
    expect(parse('from=2021&to=2022').view).toEqual({ from: day('2021-01-01'), to: day('2022-12-31') });
    expect(parse('from=2022-02&to=2022-02').view).toEqual({ from: day('2022-02-01'), to: day('2022-02-28') });
  });
  it('an empty query is the default view', () => {
    expect(parse('')).toEqual({ view: {}, notices: [] });
  });
  it('empty types= gives an empty list', () => {
    expect(parse('?types=')).toEqual({ view: { types: [] }, notices: [] });
  });
  it('ignores an unknown parameter with a notice', () => {
    expect(parse('?zoom=3&focus=armenia')).toEqual({ view: { focus: 'armenia' }, notices: ['Ignored unknown parameter "zoom".'] });
  });
  it('drops unknown types with a notice and keeps the rest', () => {
    expect(parse('?types=alliance,war')).toEqual({ view: { types: ['alliance'] }, notices: ['Ignored unknown relation type "war".'] });
    expect(parse('?types=war,peace')).toEqual({ view: {}, notices: ['Ignored unknown relation types "war", "peace".'] });
  });
  it('ignores a malformed date with a notice', () => {
    expect(parse('?from=2022-1-5&to=2022-12-31')).toEqual({
      view: { to: day('2022-12-31') },
      notices: ['Ignored "from=2022-1-5": not a date (use YYYY-MM-DD).'],
    });
    expect(parse('?to=2021-02-29').notices).toEqual(['Ignored "to=2021-02-29": not a date (use YYYY-MM-DD).']);
  });
  it('ignores a window that ends before it starts', () => {
    expect(parse('?from=2023-01-01&to=2022-12-31')).toEqual({ view: {}, notices: ['Ignored "from" and "to": the window ends before it starts.'] });
  });
  it('accepts a one-day window', () => {
    expect(parse('?from=2022-12-31&to=2022-12-31').view).toEqual({ from: day('2022-12-31'), to: day('2022-12-31') });
  });
  it('ignores an unknown focus with a notice', () => {
    expect(parse('?focus=narnia')).toEqual({ view: {}, notices: ['Ignored focus "narnia": no such actor.'] });
  });
  it('reads carry=today as carrying standing relations forward, and rejects other values with a notice', () => {
    expect(parse('?carry=today').view).toEqual({ carryForward: true });
    expect(parse('?carry=1').view).toEqual({ carryForward: true });
    expect(parse('?carry=0')).toEqual({ view: {}, notices: [] });
    expect(parse('?carry=forever')).toEqual({ view: {}, notices: ['Ignored "carry=forever": use carry=today to carry standing relations forward.'] });
  });
  it('reads modalities like types: unknown ones dropped with a notice, none usable ignored, empty means none', () => {
    expect(parse('?modality=asserted,reported').view).toEqual({ modalities: ['asserted', 'reported'] });
    expect(parse('?modality=asserted,maybe')).toEqual({ view: { modalities: ['asserted'] }, notices: ['Ignored unknown modality "maybe".'] });
    expect(parse('?modality=maybe,perhaps')).toEqual({ view: {}, notices: ['Ignored unknown modalities "maybe", "perhaps".'] });
    expect(parse('?modality=')).toEqual({ view: { modalities: [] }, notices: [] });
  });
  it('collects several notices without throwing', () => {
    const result = parse('?x=1&types=war&from=bad&focus=nobody');
    expect(result.view).toEqual({});
    expect(result.notices).toHaveLength(4);
  });
});

describe('serializeViewQuery', () => {
  const base: SerializableView = {
    types: VOCAB.typeIds,
    allTypes: VOCAB.typeIds,
    from: '2020-01-01',
    to: '2024-06-15',
    isFullExtent: true,
    focus: null,
  };
  it('omits every default', () => {
    expect(serializeViewQuery(base)).toBe('');
  });
  it('writes types only when not all are shown', () => {
    expect(serializeViewQuery({ ...base, types: ['alliance', 'visit'] })).toBe('?types=alliance,visit');
    expect(serializeViewQuery({ ...base, types: [] })).toBe('?types=');
  });
  it('writes the window only when it is not the full extent', () => {
    expect(serializeViewQuery({ ...base, from: '2022-03-01', to: '2022-06-30', isFullExtent: false })).toBe('?from=2022-03-01&to=2022-06-30');
  });
  it('writes carry-forward and modalities only when they differ from the default', () => {
    expect(serializeViewQuery({ ...base, carryForward: false, modalities: ['asserted', 'conditional', 'denied', 'reported'] })).toBe('');
    expect(serializeViewQuery({ ...base, carryForward: true })).toBe('?carry=today');
    expect(serializeViewQuery({ ...base, modalities: ['asserted'], from: '2022-03-01', to: '2022-06-30', isFullExtent: false, carryForward: true })).toBe(
      '?modality=asserted&from=2022-03-01&to=2022-06-30&carry=today',
    );
  });
  it('writes the focus', () => {
    expect(serializeViewQuery({ ...base, focus: 'armenia' })).toBe('?focus=armenia');
  });
  it('round-trips through parseViewQuery', () => {
    const view = { ...base, types: ['request_aid'], from: '2022-03-01', to: '2022-06-30', isFullExtent: false, focus: 'nikol-pashinyan' };
    expect(parse(serializeViewQuery(view))).toEqual({
      view: { types: ['request_aid'], from: day('2022-03-01'), to: day('2022-06-30'), focus: 'nikol-pashinyan' },
      notices: [],
    });
    expect(parse(serializeViewQuery({ ...base, types: [] }))).toEqual({ view: { types: [] }, notices: [] });
    expect(parse(serializeViewQuery(base))).toEqual({ view: {}, notices: [] });
    expect(parse(serializeViewQuery({ ...base, modalities: ['conditional', 'reported'], carryForward: true }))).toEqual({
      view: { modalities: ['conditional', 'reported'], carryForward: true },
      notices: [],
    });
  });
});
