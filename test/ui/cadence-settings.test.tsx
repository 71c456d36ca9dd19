// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsItem } from '../../src/db/storage-items';
import { DEFAULT_CADENCE, type UpdateCadence } from '../../src/model';
import { CadenceSettings, cadenceFormValuesOf, cadenceOf, describeCadenceError } from '../../src/ui/components/cadence-settings';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { byId, disposeAfter, freshDb, mount, root, settle, type } from './render';

let log: LogState;

/** As the options page mounts it: the stored cadence in, saves through log.setSettings. */
function Mounted({ onSave }: { onSave?: (cadence: UpdateCadence) => Promise<unknown> }) {
  return <CadenceSettings cadence={log.settings.value.cadence} onSave={onSave ?? ((cadence) => log.setSettings({ cadence }))} />;
}

beforeEach(async () => {
  await settingsItem.setValue({ author: 'Ana', timeDisplay: 'utc', screenshotOnClip: true });
  log = disposeAfter(createLogState(freshDb()));
  await log.ready;
});

const field = (name: string) => byId<HTMLInputElement>(`cadence-${name}`);
const typeIn = (name: string, value: string) => type(`cadence-${name}`, value);
const submit = () => field('firstMinutes').closest('form')!.requestSubmit();

describe('CadenceSettings', () => {
  it('shows the stored cadence, saves what was typed into the settings, and keeps the other settings', async () => {
    await mount(<Mounted />);
    expect(field('firstMinutes').value).toBe('5');
    expect(field('SEV1').value).toBe('30');
    expect(root.querySelector('label[for="cadence-SEV1"]')?.textContent).toBe('SEV1 (Critical)');

    await typeIn('firstMinutes', '10');
    await typeIn('SEV1', '15');
    await typeIn('SEV5', '240');
    await act(() => submit());

    await settle(async () =>
      expect(await settingsItem.getValue()).toEqual({
        author: 'Ana',
        timeDisplay: 'utc',
        screenshotOnClip: true,
        cadence: { firstMinutes: 10, everyMinutes: { SEV1: 15, SEV2: 30, SEV3: 30, SEV4: 30, SEV5: 240 } },
      }),
    );
    expect(root.textContent).toContain('Saved.');

    // Saved, the form follows the stored cadence again (changed in another window).
    await act(() => settingsItem.setValue({ ...DEFAULT_SETTINGS_WITH({ firstMinutes: 3 }) }));
    await settle(() => expect(field('firstMinutes').value).toBe('3'));
    expect(field('SEV5').value).toBe('30');
  });

  it.each([
    ['no first update', 'firstMinutes', '0', 'At least 1 minute'],
    ['a first update after a day', 'firstMinutes', '1441', 'At most 1440 minutes'],
    ['an empty field', 'SEV2', '', 'Whole minutes, e.g. 30'],
    ['part of a minute', 'SEV3', '2.5', 'Whole minutes, e.g. 30'],
    ['more than a week', 'SEV4', '10081', 'At most 10080 minutes'],
    ['a negative interval', 'SEV1', '-5', 'Whole minutes, e.g. 30'],
  ])('refuses %s: the message by the field, everything typed kept, nothing saved', async (_, name, value, message) => {
    await mount(<Mounted />);
    const before = await settingsItem.getValue();
    await typeIn('SEV5', '45');
    await typeIn(name, value);
    await act(() => submit());

    expect(byId(`cadence-${name}-error`)?.textContent).toBe(message);
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(field(name).getAttribute('aria-describedby')).toBe(`cadence-${name}-error`);
    expect(document.activeElement?.id).toBe(`cadence-${name}`);
    expect(field(name).value).toBe(value);
    expect(field('SEV5').value).toBe('45');
    expect(root.querySelectorAll('.field-error')).toHaveLength(1);
    expect(await settingsItem.getValue()).toEqual(before);
  });

  it('keeps every field filled before the form re-renders (autofill)', async () => {
    await mount(<Mounted />);
    await act(() => {
      for (const [name, value] of [
        ['firstMinutes', '9'],
        ['SEV2', '11'],
        ['SEV4', '44'],
      ]) {
        field(name!).value = value!;
        field(name!).dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(() => submit());
    await settle(async () =>
      expect((await settingsItem.getValue()) as { cadence: unknown }).toMatchObject({ cadence: { firstMinutes: 9, everyMinutes: { SEV2: 11, SEV4: 44 } } }),
    );
  });

  it('keeps what was typed when storing fails, and says why', async () => {
    await mount(<Mounted onSave={() => Promise.reject(new Error('QuotaExceededError: storage is full'))} />);
    await typeIn('firstMinutes', '7');
    await act(() => submit());
    await settle(() => expect(root.querySelector('.error')?.textContent).toBe('QuotaExceededError: storage is full'));
    expect(field('firstMinutes').value).toBe('7');
    expect(root.textContent).not.toContain('Saved.');
  });
});

describe('cadence helpers', () => {
  it('round-trips a cadence through the form', () => {
    const cadence: UpdateCadence = { firstMinutes: 2, everyMinutes: { SEV1: 10, SEV2: 20, SEV3: 60, SEV4: 120, SEV5: 1440 } };
    expect(cadenceOf(cadenceFormValuesOf(cadence))).toEqual(cadence);
    expect(cadenceOf({ ...cadenceFormValuesOf(cadence), SEV1: ' 15 ' }).everyMinutes.SEV1).toBe(15);
  });

  it('refuses words (a number field keeps none, but a pasted value is read the same way)', () => {
    expect(() => cadenceOf({ ...cadenceFormValuesOf(DEFAULT_CADENCE), SEV1: 'soon' })).toThrow();
  });

  it('says something other than a validation error for the whole form', () => {
    expect(describeCadenceError(new Error('disk'))).toEqual({ fields: {}, form: 'disk' });
  });
});

function DEFAULT_SETTINGS_WITH(patch: Partial<UpdateCadence>) {
  return { author: 'Ana', timeDisplay: 'utc' as const, screenshotOnClip: true, cadence: { ...DEFAULT_CADENCE, ...patch } };
}
